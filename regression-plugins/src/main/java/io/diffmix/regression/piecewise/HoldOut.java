package io.diffmix.regression.piecewise;

/** Which regression rows a level's fit leaves out: none, or every tenth when {@link DegreeSelection} scores them. */
enum HoldOut {
  NONE,
  EVERY_TENTH;

  /** Whether regression row {@code row} is held out of the fit. */
  boolean heldOut(int row) {
    return this == EVERY_TENTH && row % 10 == 9;
  }
}
