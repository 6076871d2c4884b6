// The two questions adapters ask the core on their own: for help texts and welcomes (Slack's
// /jarjesto alone and App Home, Teams' welcome). The answers, not these words, carry the content.
export const HELP_QUESTION = "Mitä osaat?";
export const STEPS_QUESTION = "Mitkä ovat viisi askelta toimivaan järjestöyhteistyöhön?";
