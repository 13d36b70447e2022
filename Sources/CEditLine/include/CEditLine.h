#ifndef CEDITLINE_H
#define CEDITLINE_H
/*
 * The only C in newsq: libedit behind a few non-variadic functions.
 *
 * libedit is opened with dlopen on the first nq_open or nq_open_history_only, never at start-up:
 * a run that only reads a script or a pipe does not load it. When it cannot be opened both
 * return NULL and nq_editline_error() says why. NEWSQ_LIBEDIT, when set, names the library to
 * open instead of libedit.so.2 (tests name a missing one to see the fallback).
 *
 * Swift never sees `FILE *`, varargs (`el_set`, `el_get`, `history`) or libedit's signal
 * handling. The editor owns one EditLine and one History; strings passed in are copied,
 * strings returned are owned by the editor and valid until the next call.
 */

#ifdef __cplusplus
extern "C" {
#endif

typedef struct nq_editor nq_editor;

/* What a completer asks the editor to do with the word before the cursor. */
typedef struct nq_completion {
  /* Characters (not bytes) before the cursor to delete before inserting `insert`. */
  int delete_chars;
  /* UTF-8 text to insert at the cursor; NULL for none. Freed by the editor with free(). */
  char *insert;
  /* Text printed below the line (candidates in columns), NULL for none. Freed with free(). */
  char *listing;
} nq_completion;

/* Called on Tab with the line up to the cursor (UTF-8, `length` bytes). Fills `out`;
 * returns 0 when there is nothing to complete (the editor beeps). */
typedef int (*nq_complete_fn)(void *ctx, const char *line, int length, nq_completion *out);

/* Called (on a helper thread, never in a signal handler) when Ctrl-C arrives while no line is
 * being edited — i.e. while a statement runs. */
typedef void (*nq_interrupt_fn)(void *ctx);

/* Opens an editor on the terminal (stdin/stdout). `history_path` may be NULL (no file).
 * Sets LC_CTYPE from the environment first (falling back to C.UTF-8) so Chinese is edited by
 * character. Loads the history file if it exists. Returns NULL when libedit cannot start or
 * cannot be loaded (see nq_editline_error). */
nq_editor *nq_open(const char *program, const char *history_path, int history_size);

/* Why libedit cannot be used (dlopen's or dlsym's message), or NULL when it loaded. Loads it
 * if no editor was opened yet. */
const char *nq_editline_error(void);

/* The prompt shown by the next nq_read_line; `\001` brackets non-printing escape sequences. */
void nq_set_prompt(nq_editor *ed, const char *prompt);

/* Reads one edited line without its newline; NULL at end of input (Ctrl-D on an empty line).
 * `*length` receives the byte length. After Ctrl-C the line is abandoned: the result is ""
 * and nq_was_interrupted() returns 1 until the next read. */
const char *nq_read_line(nq_editor *ed, int *length);

/* 1 when the last nq_read_line ended with Ctrl-C. */
int nq_was_interrupted(const nq_editor *ed);

/* Adds one history entry (a multi-line statement is one entry). Consecutive duplicates are
 * dropped; the history is bounded by `history_size`. */
void nq_history_add(nq_editor *ed, const char *entry);

/* Writes the history to `tmp_path` and renames it onto the history path (atomic).
 * Returns 0, or an errno value. */
int nq_history_save(nq_editor *ed, const char *tmp_path);

/* Number of history entries. */
int nq_history_count(nq_editor *ed);

/* The history entry `index` places back from the newest (0 = newest), or NULL. */
const char *nq_history_entry(nq_editor *ed, int index);

/* Registers the Tab completer. */
void nq_set_completer(nq_editor *ed, nq_complete_fn fn, void *ctx);

/* Closes the editor and restores the terminal. */
void nq_close(nq_editor *ed);

/* The terminal's width in columns (stdout, then stderr, then stdin); 0 when none. */
int nq_columns(void);

/* 1 when `fd` is a terminal. */
int nq_isatty(int fd);

/* Installs the process-wide signal policy for an interactive session: Ctrl-C while a
 * statement runs calls `fn(ctx)` on a helper thread; SIGHUP/SIGTERM restore the terminal
 * and end the process with that signal; SIGPIPE is ignored (writes fail with EPIPE). */
void nq_install_signals(nq_interrupt_fn fn, void *ctx);

/* Ignores SIGPIPE only (scripts and pipes): a closed stdout becomes an EPIPE write error. */
void nq_ignore_sigpipe(void);

/* CPU time used by this process, in microseconds (user, system). */
void nq_cpu_times(long long *user_us, long long *system_us);

/* Monotonic clock in nanoseconds. */
long long nq_monotonic_ns(void);

/* Only for tests: the history as a History object without a terminal. */
nq_editor *nq_open_history_only(const char *history_path, int history_size);

#ifdef __cplusplus
}
#endif
#endif
