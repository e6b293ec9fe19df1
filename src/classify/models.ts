import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FusionModel } from './fusion.js';
import { type ImageModelFile, loadImageModel, serialiseImageModel } from './image-model.js';
import { loadTextModel, serialiseTextModel, type TextModelFile } from './text-model-file.js';

/** The models committed to the repository (dist/classify or src/classify → repo root). */
export const MODELS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../models');

/** The three models a verdict needs. */
export interface Models {
  text: TextModelFile;
  image: ImageModelFile;
  fusion: FusionModel;
}

const FILES = { text: 'text-model.json', image: 'image-model.json', fusion: 'fusion.json' };

/** Loads the models from `dir` (default: the committed ones); undefined when they are not all there. */
export function loadModels(dir: string = MODELS_DIR): Models | undefined {
  const file = (name: string) => path.join(dir, name);
  if (!Object.values(FILES).every((f) => existsSync(file(f)))) return undefined;
  return {
    text: loadTextModel(readFileSync(file(FILES.text), 'utf8')),
    image: loadImageModel(readFileSync(file(FILES.image), 'utf8')),
    fusion: JSON.parse(readFileSync(file(FILES.fusion), 'utf8')) as FusionModel,
  };
}

/** Writes models to `dir` (only those given). */
export function saveModels(models: Partial<Models>, dir: string = MODELS_DIR): string[] {
  mkdirSync(dir, { recursive: true });
  const written: string[] = [];
  const write = (name: string, body: string) => {
    writeFileSync(path.join(dir, name), body.endsWith('\n') ? body : `${body}\n`);
    written.push(path.join(dir, name));
  };
  if (models.text) write(FILES.text, serialiseTextModel(models.text));
  if (models.image) write(FILES.image, serialiseImageModel(models.image));
  if (models.fusion) write(FILES.fusion, `${JSON.stringify(models.fusion, null, 1)}`);
  return written;
}
