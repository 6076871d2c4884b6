// @nlpjs language packages ship without type declarations; only the stemmers are used here.
declare module "@nlpjs/lang-fi" {
  export class StemmerFi {
    stem(word: string): string;
  }
}
declare module "@nlpjs/lang-sv" {
  export class StemmerSv {
    stem(word: string): string;
  }
}
declare module "@nlpjs/lang-en-min" {
  export class StemmerEn {
    stem(word: string): string;
  }
}
