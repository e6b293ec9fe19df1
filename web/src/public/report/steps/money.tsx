import { CURRENCIES, currencyOf } from '../../countries';
import { useI18n } from '../../i18n/context';
import { EvidenceUpload } from '../evidence';
import { ChoiceGroup, FreeText, TextField } from '../fields';
import {
  emptyPayment,
  GIFT_CARD_BRANDS,
  type GiftCardBrand,
  METHOD_CHOICES,
  type PaymentDraft,
} from '../form-state';
import { errorFor, type StepProps } from './step-props';

/** Step 4: money paid or asked for; for each payment the method, amount, currency and who received it. */
export function MoneyStep({ draft, patch, errors, addEvidence, removeEvidence }: StepProps) {
  const { t } = useI18n();
  const m = draft.money;
  const setPayment = (i: number, change: Partial<PaymentDraft>) =>
    patch('money', { payments: m.payments.map((p, j) => (j === i ? { ...p, ...change } : p)) });
  const statuses = (['paid', 'asked', 'no'] as const).map((s) => [s, t.money.status[s]] as const);
  return (
    <>
      <ChoiceGroup
        name="money-status"
        legend={t.money.legend}
        options={statuses}
        value={m.status}
        onChange={(status) => patch('money', { status })}
      />
      {(m.status === 'paid' || m.status === 'asked') && (
        <>
          {m.payments.map((p, i) => (
            <PaymentFields
              // biome-ignore lint/suspicious/noArrayIndexKey: payments are positions in a list the person edits
              key={i}
              index={i}
              payment={p}
              paid={m.status === 'paid'}
              amountError={errorFor(errors, `payment-${i}-amount`)}
              onChange={(change) => setPayment(i, change)}
              onRemove={
                m.payments.length > 1
                  ? () => patch('money', { payments: m.payments.filter((_, j) => j !== i) })
                  : undefined
              }
            />
          ))}
          {m.payments.length < 10 && (
            <button
              type="button"
              className="secondary add"
              onClick={() =>
                patch('money', {
                  payments: [
                    ...m.payments,
                    emptyPayment(m.payments[0]?.currency ?? currencyOf(draft.about.country)),
                  ],
                })
              }
            >
              + {t.money.addPayment}
            </button>
          )}
          <EvidenceUpload
            step="money"
            hint={t.money.evidenceHint}
            evidence={draft.evidence}
            onAdd={addEvidence}
            onRemove={removeEvidence}
          />
        </>
      )}
      <FreeText id="money-notes" value={m.notes} onChange={(notes) => patch('money', { notes })} />
    </>
  );
}

function PaymentFields(props: {
  index: number;
  payment: PaymentDraft;
  paid: boolean;
  amountError?: string;
  onChange(change: Partial<PaymentDraft>): void;
  onRemove?: () => void;
}) {
  const { t } = useI18n();
  const { index: i, payment: p, onChange } = props;
  const currencies = useCurrencyNames();
  return (
    <fieldset className="payment">
      <legend>{t.money.paymentLegend(i + 1)}</legend>
      <ChoiceGroup
        name={`payment-${i}-method`}
        legend={t.money.methodLegend}
        options={METHOD_CHOICES.map((c) => [c, t.money.methods[c]] as const)}
        value={p.method}
        onChange={(method) => onChange({ method })}
      />
      <div className="amount-row">
        <TextField
          id={`payment-${i}-amount`}
          label={t.money.amountLabel}
          value={p.amount}
          onChange={(amount) => onChange({ amount })}
          inputMode="decimal"
          error={props.amountError}
        />
        <div className="field">
          <label htmlFor={`payment-${i}-currency`}>{t.money.currencyLabel}</label>
          <select
            id={`payment-${i}-currency`}
            value={p.currency}
            onChange={(e) => onChange({ currency: e.target.value })}
          >
            {currencies.map(([code, name]) => (
              <option key={code} value={code}>
                {code} – {name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {p.method === 'gift_card' && (
        <>
          <div className="field">
            <label htmlFor={`payment-${i}-card`}>{t.money.giftCardBrandLabel}</label>
            <select
              id={`payment-${i}-card`}
              value={p.giftCardBrand}
              onChange={(e) => onChange({ giftCardBrand: e.target.value as GiftCardBrand | 'other' | '' })}
            >
              <option value="">–</option>
              {Object.keys(GIFT_CARD_BRANDS).map((brand) => (
                <option key={brand} value={brand}>
                  {brand}
                </option>
              ))}
              <option value="other">{t.money.giftCardOther}</option>
            </select>
          </div>
          {p.giftCardBrand === 'other' && (
            <TextField
              id={`payment-${i}-card-other`}
              label={t.money.giftCardBrandLabel}
              value={p.giftCardOther}
              onChange={(giftCardOther) => onChange({ giftCardOther })}
            />
          )}
        </>
      )}
      {p.method === 'credit_card' && (
        <TextField
          id={`payment-${i}-merchant`}
          label={t.money.merchantLabel}
          value={p.merchant}
          onChange={(merchant) => onChange({ merchant })}
        />
      )}
      {p.method === 'crypto' && (
        <TextField
          id={`payment-${i}-wallet`}
          label={t.money.walletLabel}
          value={p.wallet}
          onChange={(wallet) => onChange({ wallet })}
        />
      )}
      {p.method && p.method !== 'gift_card' && p.method !== 'credit_card' && p.method !== 'crypto' && (
        <TextField
          id={`payment-${i}-recipient`}
          label={t.money.recipientLabel}
          hint={t.money.recipientHint}
          value={p.recipient}
          onChange={(recipient) => onChange({ recipient })}
        />
      )}
      {props.onRemove && (
        <button type="button" className="secondary" onClick={props.onRemove}>
          {t.money.removePayment(i + 1)}
        </button>
      )}
    </fieldset>
  );
}

/** The offered currencies with their names in the page's language. */
function useCurrencyNames(): Array<readonly [string, string]> {
  const { language } = useI18n();
  const names = new Intl.DisplayNames([language], { type: 'currency' });
  return CURRENCIES.map((code) => [code, names.of(code) ?? code] as const);
}
