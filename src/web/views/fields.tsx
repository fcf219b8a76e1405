import type { FieldError } from '../../common';
import { fieldId } from './ui';

export type FieldType = 'text' | 'textarea' | 'date' | 'select' | 'bool' | 'number' | 'list' | 'url';

export interface FieldSpec {
  /** Request path of the value (`data.titel`); also the form field's name. */
  name: string;
  label: string;
  type: FieldType;
  required?: boolean;
  options?: ReadonlyArray<readonly [string, string]>;
  hint?: string;
}

/** One labelled form field, with its error beside it (linked by aria-describedby) when there is one. */
export function Field({ spec, value, error }: { spec: FieldSpec; value: string; error?: FieldError }) {
  const id = fieldId(spec.name);
  const errId = `${id}-fout`;
  const hintId = `${id}-uitleg`;
  const describedBy = [spec.hint ? hintId : null, error ? errId : null].filter(Boolean).join(' ') || undefined;
  const invalid = error ? true : undefined;
  const common = { id, name: spec.name, 'aria-describedby': describedBy, 'aria-invalid': invalid, required: spec.required || undefined };
  let control;
  if (spec.type === 'textarea' || spec.type === 'list')
    control = <textarea class="utrecht-textarea" rows={spec.type === 'list' ? 3 : 4} {...common}>{value}</textarea>;
  else if (spec.type === 'select' || spec.type === 'bool') {
    const options = spec.type === 'bool' ? ([['ja', 'ja'], ['nee', 'nee']] as const) : (spec.options ?? []);
    control = (
      <select class="utrecht-select utrecht-select--html-select" {...common}>
        <option value="">— kies —</option>
        {options.map(([v, l]) => (
          <option key={v} value={v} selected={v === value}>
            {l}
          </option>
        ))}
      </select>
    );
  } else
    control =
      spec.type === 'date' ? (
        <input class="utrecht-textbox utrecht-textbox--html-input" type="date" value={value} {...common} />
      ) : spec.type === 'number' ? (
        <input class="utrecht-textbox utrecht-textbox--html-input" type="number" value={value} {...common} />
      ) : (
        <input class="utrecht-textbox utrecht-textbox--html-input" type="text" value={value} {...common} />
      );
  return (
    <div class={`utrecht-form-field${error ? ' utrecht-form-field--invalid kw-invalid' : ''}`}>
      <div class="utrecht-form-field__label">
        <label class="utrecht-form-label" for={id}>
          {spec.label}
          {spec.required ? '' : ' (niet verplicht)'}
        </label>
      </div>
      {spec.hint ? (
        <div class="utrecht-form-field-description" id={hintId}>
          {spec.hint}
        </div>
      ) : null}
      {error ? (
        <div class="utrecht-form-field-error-message kw-field-error" id={errId}>
          Fout: {error.message}
        </div>
      ) : null}
      <div class="utrecht-form-field__input">{control}</div>
    </div>
  );
}
