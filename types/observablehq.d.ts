// Ambient types for Observable Framework's runtime module, which only exists inside a built page.
declare module "observablehq:stdlib" {
  export interface FileAttachmentHandle {
    readonly name: string;
    readonly mimeType: string;
    readonly lastModified: number | undefined;
    readonly size: number | undefined;
    href: string;
    url(): Promise<string>;
    arrayBuffer(): Promise<ArrayBuffer>;
    text(): Promise<string>;
    json(): Promise<unknown>;
  }
  export function FileAttachment(name: string): FileAttachmentHandle;
}
