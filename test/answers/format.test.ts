// Numbers as each language writes them, the same whether or not the number was written before.
import { describe, expect, it } from "vitest";
import { formatMoney, formatNumber } from "../../src/answers/format.js";

describe("numbers", () => {
  it("are written as Intl writes them, with plain spaces and minus signs, every time", () => {
    for (let round = 0; round < 2; round++) {
      expect(formatNumber(532671, "fi")).toBe("532 671");
      expect(formatNumber(532671, "en")).toBe("532,671");
      expect(formatNumber(1.25, "sv", 1)).toBe(new Intl.NumberFormat("sv-FI", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(1.25));
      expect(formatNumber(-1500, "fi")).toBe("-1 500");
      expect(formatMoney(1_700_000, "fi")).toBe("1,7 miljoonaa €");
    }
  });

  it("keep zero's sign, which a remembered 0 would lose", () => {
    expect(formatNumber(0, "fi")).toBe("0");
    expect(formatNumber(-0, "fi")).toBe("-0");
    expect(formatNumber(0, "fi")).toBe("0");
  });
});
