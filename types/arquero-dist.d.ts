// The browser bundle of arquero (UMD) has the same API as the package's main entry.
declare module "arquero/dist/arquero.min.js" {
  import * as aq from "arquero";
  export default aq;
}
