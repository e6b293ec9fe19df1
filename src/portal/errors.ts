import { DragnetError } from '../core/errors.js';

/** Stable codes the portal's pages translate into the victim's language. */
export type UploadRefusal =
  | 'not_multipart'
  | 'no_file'
  | 'empty_file'
  | 'unsupported_file'
  | 'unreadable_image'
  | 'file_too_large'
  | 'image_too_large'
  | 'too_many_parts';

/** An uploaded file Dragnet will not keep, with the HTTP status and a code the page can translate. */
export class UploadRefusedError extends DragnetError {
  override readonly status: number;
  override readonly code: UploadRefusal;
  constructor(status: 400 | 413 | 415, code: UploadRefusal, message: string) {
    super(message);
    this.status = status;
    this.code = code;
  }
}
