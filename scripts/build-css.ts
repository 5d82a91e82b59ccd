// Compiles GOV.UK Frontend (with the portal's settings) into public/styles/app.css.
import fs from "node:fs";
import * as sass from "sass";

const result = sass.compile("app/styles/app.scss", {
  loadPaths: ["node_modules"],
  style: "compressed",
  quietDeps: true,
  silenceDeprecations: ["import", "global-builtin", "color-functions", "slash-div"],
});
fs.mkdirSync("public/styles", { recursive: true });
fs.writeFileSync("public/styles/app.css", result.css);
console.log(`public/styles/app.css: ${(result.css.length / 1024).toFixed(0)} KiB`);
