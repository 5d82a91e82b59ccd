// GOV.UK Frontend ships JavaScript without type declarations; the portal uses only the
// component classes' constructor and module name (app/govuk-frontend.client.ts).
declare module "govuk-frontend" {
  type Component = { new ($root: Element): unknown; moduleName: string };
  export const Button: Component;
  export const Checkboxes: Component;
  export const ErrorSummary: Component;
  export const Header: Component;
  export const NotificationBanner: Component;
  export const Radios: Component;
  export const ServiceNavigation: Component;
  export const SkipLink: Component;
}
