// Types for the parts of ml-logistic-regression the question report uses (the package ships none).
declare module "ml-logistic-regression" {
  import type { Matrix } from "ml-matrix";
  interface TwoClasses {
    weights: Matrix;
    testScores(features: Matrix): number[];
  }
  export default class LogisticRegression {
    constructor(options?: { numSteps?: number; learningRate?: number });
    classifiers: TwoClasses[];
    train(features: Matrix, target: Matrix): void;
    predict(features: Matrix): number[];
  }
}
