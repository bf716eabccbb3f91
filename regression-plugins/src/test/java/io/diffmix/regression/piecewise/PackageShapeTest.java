package io.diffmix.regression.piecewise;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreeScanner;
import com.sun.source.util.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The learner's package stays readable: no method, constructor or record longer than 60 lines or with more than
 * 6 parameters (components), and the per-level fit at most 30 lines. Read from the sources with the JDK's own
 * parser, so a comment or a string cannot fool it.
 */
class PackageShapeTest {
  private static final Path SOURCES = Path.of("src/main/java/io/diffmix/regression/piecewise");

  private record Shape(String where, long lines, int parameters) {}

  private static List<Shape> shapes() throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<Shape> out = new ArrayList<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, null);
        Stream<Path> list = Files.list(SOURCES)) {
      List<Path> paths = list.filter(p -> p.toString().endsWith(".java")).sorted().toList();
      JavacTask task = (JavacTask) javac.getTask(null, files, null, List.of("-proc:none"), null,
          files.getJavaFileObjectsFromPaths(paths));
      SourcePositions positions = Trees.instance(task).getSourcePositions();
      for (CompilationUnitTree unit : task.parse()) {
        String file = Path.of(unit.getSourceFile().toUri()).getFileName().toString();
        new TreeScanner<Void, Void>() {
          @Override
          public Void visitMethod(MethodTree m, Void unused) {
            out.add(new Shape(file + " " + m.getName(), lines(unit, positions, m), m.getParameters().size()));
            return super.visitMethod(m, unused);
          }

          @Override
          public Void visitClass(ClassTree c, Void unused) {
            if (c.getKind() == Tree.Kind.RECORD) {
              long components = c.getMembers().stream().filter(t -> t instanceof VariableTree v
                  && !v.getModifiers().getFlags().contains(Modifier.STATIC)).count();
              out.add(new Shape(file + " record " + c.getSimpleName(), 1, (int) components));
            }
            return super.visitClass(c, unused);
          }
        }.scan(unit, null);
      }
    }
    return out;
  }

  private static long lines(CompilationUnitTree unit, SourcePositions positions, Tree t) {
    var map = unit.getLineMap();
    return map.getLineNumber(positions.getEndPosition(unit, t))
        - map.getLineNumber(positions.getStartPosition(unit, t)) + 1;
  }

  @Test
  void noMethodIsLongerThanSixtyLinesOrTakesMoreThanSixParameters() throws IOException {
    List<Shape> shapes = shapes();
    assertThat(shapes).extracting(Shape::where).contains("PiecewisePolynomialLearner.java fitLevel",
        "PiecewisePolynomialLearner.java record Config");
    assertThat(shapes).filteredOn(s -> s.lines() > 60 || s.parameters() > 6).isEmpty();
    assertThat(shapes).filteredOn(s -> s.where().equals("PiecewisePolynomialLearner.java fitLevel"))
        .allMatch(s -> s.lines() <= 30);
  }
}
