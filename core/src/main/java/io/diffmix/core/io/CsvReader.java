package io.diffmix.core.io;

import io.diffmix.core.config.BadInputException;
import io.diffmix.core.data.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a numeric CSV: one point per row, an optional header, a delimiter given or detected among
 * {@code , ;} or runs of white space. A ragged row, a non-number or a non-finite value is a {@link BadInputException} naming
 * the file and the row.
 */
public final class CsvReader {
  private CsvReader() {}

  /**
   * @param delimiter the delimiter, or null to detect it from the first data line
   * @param header true, false, or null to detect (a first line that does not parse as numbers is a header)
   */
  public static Samples read(Path file, Character delimiter, Boolean header) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new BadInputException(file + ": no such file");
    } catch (IOException e) {
      throw new BadInputException(file + ": cannot read: " + e.getMessage(), e);
    }
    List<Integer> numbers = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      if (!lines.get(i).isBlank()) {
        numbers.add(i);
      }
    }
    if (numbers.isEmpty()) {
      throw new BadInputException(file + ": empty file; expected one point per row");
    }
    String first = lines.get(numbers.get(0)).strip();
    char delim = delimiter != null ? delimiter : detect(numbers.size() > 1 ? lines.get(numbers.get(1)) : first);
    boolean skipFirst = header != null ? header : !parses(first, delim);
    int start = skipFirst ? 1 : 0;
    if (numbers.size() <= start) {
      throw new BadInputException(file + ": no data rows after the header");
    }
    int dim = split(lines.get(numbers.get(start)).strip(), delim).length;
    double[] data = new double[(numbers.size() - start) * dim];
    for (int r = start; r < numbers.size(); r++) {
      int lineNo = numbers.get(r) + 1;
      String[] cells = split(lines.get(numbers.get(r)).strip(), delim);
      if (cells.length != dim) {
        throw new BadInputException(file + ": line " + lineNo + " has " + cells.length + " values, but line "
            + (numbers.get(start) + 1) + " has " + dim + "; every row needs the same number of columns");
      }
      for (int c = 0; c < dim; c++) {
        double v;
        try {
          v = Double.parseDouble(cells[c].strip());
        } catch (NumberFormatException e) {
          throw new BadInputException(file + ": line " + lineNo + ", column " + (c + 1) + ": '" + cells[c].strip()
              + "' is not a number");
        }
        if (!Double.isFinite(v)) {
          throw new BadInputException(file + ": line " + lineNo + ", column " + (c + 1) + " is " + v
              + "; valid: finite numbers");
        }
        data[(r - start) * dim + c] = v;
      }
    }
    return new Samples(data, numbers.size() - start, dim);
  }

  private static char detect(String line) {
    for (char c : new char[] {',', ';'}) {
      if (line.indexOf(c) >= 0) {
        return c;
      }
    }
    return ' ';
  }

  private static String[] split(String line, char delim) {
    // tabs and spaces are one delimiter: runs of white space
    return delim == ' ' || delim == '\t' ? line.split("\\s+")
        : line.split(java.util.regex.Pattern.quote(String.valueOf(delim)), -1);
  }

  private static boolean parses(String line, char delim) {
    for (String cell : split(line, delim)) {
      try {
        Double.parseDouble(cell.strip());
      } catch (NumberFormatException e) {
        return false;
      }
    }
    return true;
  }
}
