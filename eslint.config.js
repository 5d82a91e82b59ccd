// Lint rules (issue 11): typescript-eslint with type information (floating promises, misused
// promises), the React hooks rules and jsx-a11y; Prettier owns formatting (eslint-config-prettier
// switches off the rules it would fight). `npm run lint` runs both; CI runs it before the tests.
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import reactHooks from "eslint-plugin-react-hooks";
import jsxA11y from "eslint-plugin-jsx-a11y";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default tseslint.config(
  {
    ignores: [
      "build/**",
      "public/build/**",
      "node_modules/**",
      "prisma/generated/**",
      "bench/engine-comparison/**",
      "test-results/**",
      "tests/.tmp/**",
      ".cache/**",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
      globals: { ...globals.node, ...globals.browser },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
      // The input sanitisers (forms, search queries, redirects) match control characters on purpose.
      "no-control-regex": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports", disallowTypeAnnotations: false }],
    },
  },
  {
    // An `any` that reaches a property read is a type hole: useActionData<typeof action> was `any`
    // for every form until single-fetch types were switched on (entry.server.tsx), and nothing said so.
    files: ["app/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-unsafe-member-access": "error" },
  },
  {
    files: ["app/**/*.tsx"],
    plugins: { "react-hooks": reactHooks, "jsx-a11y": jsxA11y },
    rules: {
      "react-hooks/rules-of-hooks": "error",
      "react-hooks/exhaustive-deps": "error",
      ...jsxA11y.flatConfigs.recommended.rules,
    },
  },
  {
    // package.json says "sideEffects": false, so the bundler drops an import that names nothing:
    // a module that must run at load is called (e.g. installIdempotencyTable()), never just
    // imported. Stylesheets are the exception.
    files: ["app/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "ImportDeclaration[specifiers.length=0][importKind!='type']:not([source.value=/\\.s?css$/])",
          message: 'The build drops a bare import ("sideEffects": false): import a function and call it.',
        },
      ],
    },
  },
  {
    // Layering (issue 11, ADR 0012): search is reached through the service — its shared face
    // ~/services/search (query schema, index configuration, types) and ~/services/search.server
    // (queries, rebuild, sync) — and app/utils imports no models.
    files: ["app/**/*.{ts,tsx}"],
    ignores: ["app/search/**", "app/services/search.ts", "app/services/search.server.ts", "app/services/search-snapshot.server.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/search/*", "**/search/*"], message: "Reach search through ~/services/search or ~/services/search.server." },
          ],
        },
      ],
    },
  },
  {
    files: ["app/utils/**/*.{ts,tsx}", "app/search/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["~/models/*", "../models/*"], message: "app/utils and app/search import no models (register a hook instead)." },
            { group: ["~/services/*", "../services/*"], message: "app/utils and app/search sit below the services." },
          ],
        },
      ],
    },
  },
  {
    // Tests build deliberately malformed inputs.
    files: ["tests/**/*.{ts,tsx}"],
    rules: { "@typescript-eslint/no-explicit-any": "off", "no-empty-pattern": "off" },
  },
  {
    files: ["**/*.{js,cjs,mjs}"],
    languageOptions: { globals: { ...globals.node } },
  },
  prettier,
);
