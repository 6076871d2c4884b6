// The knowledge files' JSON Schema, generated from the zod schema so the two never disagree.
// Editors (VS Code with the YAML extension) use it to check and complete files as people type.
import { z } from "zod";
import { knowledgeFile } from "./schema.js";

export function knowledgeJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(knowledgeFile, { io: "input", unrepresentable: "any" }),
    title: "Järjestöbotti knowledge file",
  };
}
