// The update form as an Adaptive Card: a coordinator types "päivitä" and gets this card; its
// submit carries the fields back as the activity's value (form: "update").
import type { Language } from "../../src/seam.js";
import { FORM_FIELDS, FORM_WORDS } from "../update-form.js";

export function updateCard(lang: Language): Record<string, unknown> {
  const w = FORM_WORDS[lang];
  return {
    type: "AdaptiveCard",
    $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
    version: "1.5",
    body: [
      { type: "TextBlock", text: w.title, size: "Large", weight: "Bolder" },
      ...FORM_FIELDS.map((field) => ({ type: "Input.Text", id: field, label: w.labels[field], placeholder: w.hints[field], isRequired: field !== "date" })),
    ],
    actions: [{ type: "Action.Submit", title: w.submit, data: { form: "update" } }],
  };
}
