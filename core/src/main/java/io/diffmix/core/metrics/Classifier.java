package io.diffmix.core.metrics;

/** A classifier of the c2st metric: trained on every fold but one, scored on that one. */
interface Classifier {

  /**
   * The number of correct predictions on fold {@code f}, after training on the other folds.
   *
   * @param z standardised points, flat, {@code label.length × d}
   * @param label 1 for generated, 0 for reference
   * @param fold each point's fold
   */
  int correctOnFold(double[] z, int[] label, int d, int[] fold, int f);

  /** Its name and settings, for the report. */
  String describe(int trainingRows);
}
