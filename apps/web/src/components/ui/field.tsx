import {
  useId,
  useState,
  type InputHTMLAttributes,
  type ReactNode,
  type SelectHTMLAttributes,
  type TextareaHTMLAttributes,
} from 'react';

interface FieldProps {
  label: string;
  error?: string | undefined;
  hint?: ReactNode;
}

/** What a control needs to be labelled and described by its hint and error. */
interface ControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * Label, hint and error around one control, wired for screen readers. `render` draws the control
 * with the wiring and the rest of the field's props (the control's own attributes, which win).
 */
function Field<Attributes extends object>({
  label,
  error,
  hint,
  render,
  ...attributes
}: FieldProps & Attributes & { render: (props: ControlProps & Attributes) => ReactNode }) {
  const id = useId();
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const control = {
    id,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy,
    ...attributes,
  } as ControlProps & Attributes;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      ) : null}
      {render(control)}
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

export function TextField(props: FieldProps & InputHTMLAttributes<HTMLInputElement>) {
  return <Field {...props} render={(control) => <input {...control} />} />;
}

export function TextAreaField(props: FieldProps & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  return <Field {...props} render={(control) => <textarea {...control} />} />;
}

/** `children` are the `<option>`s. */
export function SelectField(props: FieldProps & SelectHTMLAttributes<HTMLSelectElement>) {
  return <Field {...props} render={(control) => <select {...control} />} />;
}

/**
 * The values of a form's fields, and `bind(name)`: the props that tie a field (`TextField`,
 * `SelectField`, ...) to one of them.
 */
export function useFieldValues<Name extends string>(
  initial: Record<Name, string> | (() => Record<Name, string>),
) {
  const [values, setValues] = useState(initial);
  const bind = (name: Name) => ({
    name,
    value: values[name],
    onChange: (event: { target: { value: string } }) =>
      setValues((current) => ({ ...current, [name]: event.target.value })),
  });
  return { values, bind };
}
