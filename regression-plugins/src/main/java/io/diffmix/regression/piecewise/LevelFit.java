package io.diffmix.regression.piecewise;

/**
 * One fitted level of Algorithm 1: its polynomials with the solve methods used, the sizes of its cells, and the
 * degree that degree "auto" chose (0 when the degree is fixed).
 */
record LevelFit(CellRegression.Result result, int[] sizes, int chosenDegree) {}
