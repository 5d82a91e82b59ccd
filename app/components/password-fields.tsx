// The "create a password" and "confirm password" pair that sign-up, supplier registration,
// invitations, access-request set-up and password changes share (one copy, one hint, the same
// autocomplete), and the box for the password someone already has.
import type { UseFormRegister, FieldValues } from "react-hook-form";
import { TextField, type TextFieldProps } from "./forms";

export const NEW_PASSWORD_HINT = "At least 12 characters. A few unrelated words work well.";

export function PasswordFields({
  register,
  error,
  name = "password",
  confirmName = "confirmPassword",
  label = "Create a password",
  confirmLabel = "Confirm password",
}: {
  register: UseFormRegister<FieldValues>;
  error: (name: string) => string | undefined;
  name?: string;
  confirmName?: string;
  label?: string;
  confirmLabel?: string;
}) {
  return (
    <>
      <TextField
        name={name}
        label={label}
        type="password"
        autoComplete="new-password"
        hint={NEW_PASSWORD_HINT}
        error={error(name)}
        registered={register(name)}
      />
      <TextField
        name={confirmName}
        label={confirmLabel}
        type="password"
        autoComplete="new-password"
        error={error(confirmName)}
        registered={register(confirmName)}
      />
    </>
  );
}

/** The password the user has now (signing in, or confirming a change): the browser may fill it in. */
export function CurrentPasswordField(props: Omit<TextFieldProps, "type" | "autoComplete">) {
  return <TextField type="password" autoComplete="current-password" {...props} />;
}
