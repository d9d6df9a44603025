// The browser bundle of exceljs (UMD) has the same API as the package's main entry.
declare module "exceljs/dist/exceljs.min.js" {
  import ExcelJS from "exceljs";
  export default ExcelJS;
}
