package io.diffmix.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.diffmix.core.compare.ComparisonEngine;
import io.diffmix.core.compare.ComparisonJob;
import io.diffmix.core.compare.ComparisonRunner;
import io.diffmix.core.config.Json;
import io.diffmix.core.registry.Registry;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SimpleFutureAction;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import scala.Function0;
import scala.Function1;
import scala.Function2;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.BoxedUnit;

/**
 * The {@code spark} engine of {@code compare}: each pending (cell, seed) pair is one Spark task.
 *
 * <ul>
 *   <li>A task carries only JSON strings and plugin folder names. The executor rebuilds the registry itself
 *       (classpath plugins, which {@code spark-submit --jars} ships, plus those folders where they exist) and runs
 *       the pair with {@link ComparisonRunner#runOne}, so a failing cell is a {@code failed} row as with the local
 *       engine.
 *   <li>The job is submitted with a result handler, which Spark calls once per partition, for its successful
 *       attempt only: a retried task never gives two rows. The handler queues each row and this (the driver's)
 *       thread hands it to the sink at once, so {@code results.jsonl} holds every finished pair when a kill comes.
 * </ul>
 *
 * <p>The master is the job's {@code master} option ({@code --master}), else {@code spark.master} (set by
 * {@code spark-submit}), else {@code local[*]}.
 */
public final class SparkComparisonEngine implements ComparisonEngine {
  public static final String NAME = "spark";

  /** The registry of each set of plugin folders, built once per executor JVM. */
  private static final Map<List<String>, Registry> REGISTRIES = new ConcurrentHashMap<>();

  /** What one Spark task runs: one pair, as JSON strings. */
  record Task(String configJson, String cellJson, long seed, String source, List<String> pluginDirs, int threads)
      implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void run(ComparisonJob job, List<PendingRun> pending, RowSink sink) throws IOException {
    if (pending.isEmpty()) {
      return;
    }
    SparkConf conf = new SparkConf().setAppName("diffmix compare");
    String master = job.options().get("master");
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    // A local run has no use for the web UI (whose port would clash with other runs) nor for the network.
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
    }
    int threads = job.threads() != null ? job.threads() : conf.getInt("spark.task.cpus", 1);
    List<String> dirs = job.pluginDirs().stream().map(p -> p.toAbsolutePath().toString()).toList();
    List<Task> tasks = new ArrayList<>();
    for (PendingRun p : pending) {
      tasks.add(new Task(compact(job.grid().config(p.cell(), p.seed())), compact(p.cell().json()), p.seed(),
          job.source(), dirs, threads));
    }
    job.log().accept("spark: " + tasks.size() + " tasks on " + conf.get("spark.master"));

    SparkContext sc = SparkContext.getOrCreate(conf);
    try {
      RDD<Task> rdd = new JavaSparkContext(sc).parallelize(tasks, tasks.size()).rdd();
      BlockingQueue<List<String>> finished = new LinkedBlockingQueue<>();
      List<Object> partitions = new ArrayList<>();
      for (int i = 0; i < tasks.size(); i++) {
        partitions.add(i);
      }
      @SuppressWarnings("unchecked")
      Function1<Iterator<Task>, List<String>> work =
          (Function1<Iterator<Task>, List<String>> & Serializable) SparkComparisonEngine::runPartition;
      Function2<Object, List<String>, BoxedUnit> handler = (index, rows) -> {
        finished.add(rows);
        return BoxedUnit.UNIT;
      };
      Function0<BoxedUnit> done = () -> BoxedUnit.UNIT;
      SimpleFutureAction<BoxedUnit> action =
          sc.submitJob(rdd, work, CollectionConverters.asScala(partitions).toSeq(), handler, done);
      while (true) {
        List<String> rows;
        try {
          rows = finished.poll(100, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          action.cancel();
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        }
        if (rows != null) {
          for (String row : rows) {
            sink.accept((ObjectNode) Json.MAPPER.readTree(row));
          }
        } else if (action.isCompleted() && finished.isEmpty()) {
          break;
        }
      }
      try {
        action.get();
      } catch (Exception e) {
        throw new IOException("spark job failed: " + e.getMessage(), e);
      }
    } finally {
      sc.stop();
    }
  }

  /**
   * The floors of this executor's tasks: its machine's floor cache, so that the cells of a grid that run here
   * compute each distinct floor once. A config with {@code "floor_cache": false} (compare --no-cache) skips it.
   */
  private static final io.diffmix.core.experiment.FloorCache EXECUTOR_FLOORS =
      io.diffmix.core.experiment.FloorCache.at(io.diffmix.core.experiment.FloorCache.defaultFolder(),
          msg -> System.err.println("diffmix: warning: " + msg));

  /** Runs the tasks of one partition (one pair) on an executor and returns their rows as compact JSON. */
  static List<String> runPartition(Iterator<Task> it) {
    List<String> rows = new ArrayList<>();
    while (it.hasNext()) {
      Task t = it.next();
      try {
        ObjectNode config = (ObjectNode) Json.MAPPER.readTree(t.configJson());
        JsonNode cell = Json.MAPPER.readTree(t.cellJson());
        ObjectNode row = ComparisonRunner.runOne(config, cell, t.seed(), t.source(), registry(t.pluginDirs()),
            t.threads(), EXECUTOR_FLOORS, msg -> System.err.println("diffmix: " + msg));
        rows.add(compact(row));
      } catch (IOException e) {
        throw new IllegalStateException("task for cell " + t.cellJson() + " seed " + t.seed() + ": " + e, e);
      }
    }
    return rows;
  }

  /** The executor's registry: its classpath plugins plus those in the folders that exist on this machine. */
  static Registry registry(List<String> dirs) {
    return REGISTRIES.computeIfAbsent(dirs, d -> Registry.load(
        d.stream().map(Path::of).filter(Files::isDirectory).toList(),
        msg -> System.err.println("diffmix: warning: " + msg)));
  }

  private static final ObjectWriter COMPACT = Json.MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT);

  private static String compact(JsonNode n) {
    try {
      return COMPACT.writeValueAsString(n);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
