package io.diffmix.core.io;

import io.diffmix.core.config.BadInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * One writer at a time for an output (a run folder, a compare folder, a model or a sample file): an exclusive
 * lock on a hidden file beside it, {@code .NAME.diffmix-lock}, holding the writer's process id.
 *
 * <p>The operating system drops the lock when its process dies, so a lock left by a killed process never blocks
 * the next writer; that writer takes the stale file over and removes it when it is done.
 *
 * <p>The file is removed on {@link #close()}. A second writer may have opened the old file just before the
 * removal and then locked it after the release, while a third creates and locks a new file: two "holders" of two
 * files. To rule that out, a writer that got the lock checks that the path still names the file it locked (the same
 * inode, through {@code /proc/self/fd}); if not, it tries again. The check never opens the lock file a second time:
 * closing any descriptor of a file drops every POSIX lock the process holds on it.
 */
public final class OutputLock implements AutoCloseable {
  private static final String SUFFIX = ".diffmix-lock";
  private static final int ATTEMPTS = 20;

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;

  private OutputLock(Path file, FileChannel channel, FileLock lock) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
  }

  /** The lock file of an output. */
  public static Path lockFile(Path output) {
    Path abs = output.toAbsolutePath().normalize();
    Path parent = abs.getParent() == null ? abs : abs.getParent();
    return parent.resolve("." + abs.getFileName() + SUFFIX);
  }

  /**
   * Takes the lock of {@code output}, or throws bad input naming the holder's process id.
   *
   * @throws BadInputException when another process (or another command in this JVM) writes the output, or when
   *     the output's folder cannot be created or written
   */
  public static OutputLock acquire(Path output) {
    Path file = lockFile(output);
    String token = ProcessHandle.current().pid() + "\n";
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new BadInputException(output + ": cannot create its folder " + file.getParent() + " ("
          + reason(e) + "); valid: a path under a folder you can write");
    }
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      FileChannel ch = null;
      try {
        ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
          lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
          lock = null;
        }
        if (lock == null) {
          String holder = holder(ch);
          ch.close();
          throw new BadInputException(output + ": another diffmix " + holder + " is writing it; wait for it to "
              + "finish, or choose another output");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(token.getBytes(StandardCharsets.UTF_8)), 0);
        ch.force(false);
        if (namesTheLockedFile(file)) {
          return new OutputLock(file, ch, lock);
        }
        // the file we locked was removed by the holder we waited for: try the one at the path now
        lock.release();
        ch.close();
      } catch (IOException e) {
        closeQuietly(ch);
        throw new BadInputException(output + ": cannot write beside it (" + reason(e) + "); valid: a path under a "
            + "folder you can write");
      }
    }
    throw new BadInputException(output + ": its lock " + file + " kept changing hands; try again");
  }

  private static String holder(FileChannel ch) throws IOException {
    ByteBuffer buf = ByteBuffer.allocate(64);
    ch.read(buf, 0);
    String s = new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8).trim();
    int space = s.indexOf(' ');
    String pid = space > 0 ? s.substring(0, space) : s;
    return pid.matches("[0-9]+") ? "(process " + pid + ")" : "process";
  }

  /**
   * Whether {@code file} is still the path of the file this process has open and locked: the inode at the path
   * against that of the descriptor, found in {@code /proc/self/fd}. Where there is no {@code /proc}, it trusts the
   * path; the race it guards against needs three writers of one output within microseconds.
   */
  private static boolean namesTheLockedFile(Path file) throws IOException {
    Object atPath;
    try {
      atPath = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).fileKey();
    } catch (NoSuchFileException e) {
      return false;
    }
    Path fds = Path.of("/proc/self/fd");
    if (atPath == null || !Files.isDirectory(fds)) {
      return true;
    }
    String name = file.toString();
    try (DirectoryStream<Path> open = Files.newDirectoryStream(fds)) {
      for (Path fd : open) {
        String target;
        try {
          target = Files.readSymbolicLink(fd).toString();
        } catch (IOException e) {
          continue; // a descriptor closed meanwhile
        }
        if ((target.equals(name) || target.equals(name + " (deleted)"))
            && atPath.equals(Files.readAttributes(fd, BasicFileAttributes.class).fileKey())) {
          return true;
        }
      }
    }
    return false;
  }

  /** The cause in the user's words: what is in the way, not the exception's class. */
  private static String reason(IOException e) {
    if (e instanceof java.nio.file.FileAlreadyExistsException f) {
      return f.getFile() + " is a file";
    }
    if (e instanceof NoSuchFileException f) {
      return "cannot create " + f.getFile();
    }
    if (e instanceof java.nio.file.AccessDeniedException f) {
      return f.getFile() + ": permission denied";
    }
    if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
      return (f.getFile() == null ? "" : f.getFile() + ": ") + f.getReason();
    }
    return e.getMessage() == null ? "an I/O error" : e.getMessage();
  }

  private static void closeQuietly(FileChannel ch) {
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // nothing more to release
      }
    }
  }

  /** Removes the lock file, then releases the lock. */
  @Override
  public void close() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a lock file that cannot be removed is taken over by the next writer
    }
    try {
      lock.release();
    } catch (IOException ignored) {
      // closing the channel releases it too
    }
    closeQuietly(channel);
  }
}
