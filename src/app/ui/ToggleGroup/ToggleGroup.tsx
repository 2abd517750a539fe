/**
 * A form field as a row of large toggle buttons (aria-pressed): one choice,
 * or several with `multiple`. Tapping the chosen one again clears it, so
 * "not asked" is always reachable.
 */
import './ToggleGroup.css';
import type { Choice } from '../ChoiceGrid/ChoiceGrid.tsx';

interface Props {
  legend: string;
  hint?: string;
  choices: readonly Choice[];
  value: readonly string[];
  onChange: (value: string[]) => void;
  multiple?: boolean;
  /** When false, the chosen one cannot be cleared (a required field). */
  clearable?: boolean;
  id?: string;
}

export function ToggleGroup({ legend, hint, choices, value, onChange, multiple, clearable = true, id }: Props) {
  function toggle(code: string) {
    const on = value.includes(code);
    if (multiple) onChange(on ? value.filter((c) => c !== code) : [...value, code]);
    else if (!on) onChange([code]);
    else if (clearable) onChange([]);
  }
  return (
    <fieldset class="toggle-group" id={id}>
      <legend>{legend}</legend>
      {hint && <p class="hint">{hint}</p>}
      <div class="toggle-group-choices">
        {choices.map((choice) => (
          <button
            key={choice.code}
            type="button"
            class="button toggle"
            aria-pressed={value.includes(choice.code)}
            onClick={() => toggle(choice.code)}
          >
            {choice.label}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
