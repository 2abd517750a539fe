/** A grid of large answer buttons where one tap answers and moves on (the quick-log steps). */
import './ChoiceGrid.css';

export interface Choice {
  code: string;
  label: string;
}

interface Props {
  /** The id of the heading that asks the question. */
  labelledBy: string;
  choices: readonly Choice[];
  chosen?: string | null;
  onChoose: (code: string) => void;
  disabled?: boolean;
}

export function ChoiceGrid({ labelledBy, choices, chosen, onChoose, disabled }: Props) {
  return (
    <fieldset class="choice-grid" aria-labelledby={labelledBy}>
      {choices.map((choice) => (
        <button
          key={choice.code}
          type="button"
          class="button choice"
          aria-pressed={chosen === choice.code}
          disabled={disabled}
          onClick={() => onChoose(choice.code)}
        >
          {choice.label}
        </button>
      ))}
    </fieldset>
  );
}
