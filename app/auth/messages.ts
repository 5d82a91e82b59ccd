// Messages pages show as well as actions return: kept out of .server modules, which the browser
// bundle never includes (a component rendering one would hydrate with `undefined`).
export const VERIFY_EMAIL_MESSAGE =
  "Confirm your email address before you start or change a buying project. We sent you a link when you created your account.";
