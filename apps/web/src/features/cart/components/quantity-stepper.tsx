export function QuantityStepper({
  name,
  quantity,
  max,
  disabled,
  onChange,
}: {
  name: string;
  quantity: number;
  max: number;
  disabled?: boolean;
  onChange: (quantity: number) => void;
}) {
  return (
    <div className="stepper" role="group" aria-label={`Quantity of ${name}`}>
      <button
        type="button"
        className="stepper__button"
        aria-label={`Decrease quantity of ${name}`}
        disabled={disabled || quantity <= 1}
        onClick={() => onChange(quantity - 1)}
      >
        −
      </button>
      <output className="stepper__value" aria-live="polite" aria-label={`Quantity of ${name}`}>
        {quantity}
      </output>
      <button
        type="button"
        className="stepper__button"
        aria-label={`Increase quantity of ${name}`}
        disabled={disabled || quantity >= max}
        onClick={() => onChange(quantity + 1)}
      >
        +
      </button>
    </div>
  );
}
