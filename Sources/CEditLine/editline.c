/*
 * libedit behind non-variadic functions. See CEditLine.h for the contract.
 *
 * Design notes (the libedit traps on Linux, peers.md):
 * - setlocale(LC_CTYPE, "") before el_init, else multibyte input is edited byte by byte.
 * - EL_SIGNAL stays off: libedit would re-raise signals to the whole process group. Instead the
 *   edit-mode tty has ISIG cleared, so Ctrl-C arrives as a key bound to `nq-interrupt`, and our
 *   own read function (EL_GETCFN) polls, so a resize (SIGWINCH) is honoured mid-line.
 * - While a statement runs the tty is cooked: SIGINT goes to a handler that writes to a
 *   self-pipe; a helper thread turns that into a call of the registered interrupt function.
 * - libedit is not linked: it is opened with dlopen the first time an editor or a history is
 *   made, so `-c`, scripts and pipes never load it (nor libtinfo and libbsd behind it), which
 *   keeps them off start-up. histedit.h still gives the types and constants.
 */
#define _GNU_SOURCE
#include "CEditLine.h"
#include <histedit.h>
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <locale.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

struct nq_editor {
  EditLine *el;
  History *hist;
  HistEvent ev;
  char *history_path;
  char *prompt;
  char *line;
  size_t line_cap;
  int interrupted;
  nq_complete_fn complete;
  void *complete_ctx;
  mbstate_t mb;
};

/* ---- libedit, opened on first use --------------------------------------------------------- */

static struct {
  EditLine *(*el_init)(const char *, FILE *, FILE *, FILE *);
  void (*el_end)(EditLine *);
  int (*el_set)(EditLine *, int, ...);
  int (*el_wset)(EditLine *, int, ...);
  int (*el_get)(EditLine *, int, ...);
  const char *(*el_gets)(EditLine *, int *);
  void (*el_push)(EditLine *, const char *);
  int (*el_source)(EditLine *, const char *);
  void (*el_resize)(EditLine *);
  const LineInfo *(*el_line)(EditLine *);
  int (*el_insertstr)(EditLine *, const char *);
  void (*el_deletestr)(EditLine *, int);
  int (*el_cursor)(EditLine *, int);
  History *(*history_init)(void);
  void (*history_end)(History *);
  int (*history)(History *, HistEvent *, int, ...);
} L;
static int nq_lib_ok = 0;
static char nq_lib_error[256] = "";
static pthread_once_t nq_lib_once = PTHREAD_ONCE_INIT;

/* NEWSQ_LIBEDIT names another library to open instead (tests use a missing one). */
static void nq_lib_load(void) {
  static const char *names[] = {"libedit.so.2", "libedit.so"};
  const char *override = getenv("NEWSQ_LIBEDIT");
  void *h = NULL;
  if (override && override[0]) {
    h = dlopen(override, RTLD_NOW | RTLD_LOCAL);
  } else {
    for (size_t i = 0; i < sizeof names / sizeof names[0] && !h; i++) h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
  }
  if (!h) {
    const char *e = dlerror();
    snprintf(nq_lib_error, sizeof nq_lib_error, "%s", e ? e : "cannot open libedit.so.2");
    return;
  }
  int missing = 0;
#define NQ_SYM(name)                                           \
  do {                                                         \
    *(void **)(&L.name) = dlsym(h, #name);                     \
    if (!L.name && !missing) {                                 \
      missing = 1;                                             \
      snprintf(nq_lib_error, sizeof nq_lib_error, "libedit has no %s", #name); \
    }                                                          \
  } while (0)
  NQ_SYM(el_init); NQ_SYM(el_end); NQ_SYM(el_set); NQ_SYM(el_wset); NQ_SYM(el_get); NQ_SYM(el_gets);
  NQ_SYM(el_push); NQ_SYM(el_source); NQ_SYM(el_resize); NQ_SYM(el_line);
  NQ_SYM(el_insertstr); NQ_SYM(el_deletestr); NQ_SYM(el_cursor);
  NQ_SYM(history_init); NQ_SYM(history_end); NQ_SYM(history);
#undef NQ_SYM
  if (missing) { dlclose(h); return; }
  nq_lib_ok = 1;
}

/* 1 when libedit is loaded (loading it now if this is the first call). */
static int nq_lib(void) {
  pthread_once(&nq_lib_once, nq_lib_load);
  return nq_lib_ok;
}

const char *nq_editline_error(void) {
  return nq_lib() ? NULL : nq_lib_error;
}

/* ---- signals ---------------------------------------------------------------------------- */

static volatile sig_atomic_t nq_winch_pending = 0;
static volatile sig_atomic_t nq_reading = 0;
static volatile sig_atomic_t nq_sigint_while_reading = 0;
static int nq_interrupt_pipe[2] = {-1, -1};
static nq_interrupt_fn nq_on_interrupt = NULL;
static void *nq_on_interrupt_ctx = NULL;
static struct termios nq_saved_tty;
static int nq_have_saved_tty = 0;

static void nq_sigint_handler(int sig) {
  (void)sig;
  int saved = errno;
  if (nq_reading) {
    nq_sigint_while_reading = 1; /* the poll in nq_getc sees EINTR and turns it into ^C */
  } else if (nq_interrupt_pipe[1] >= 0) {
    char b = 1;
    ssize_t r = write(nq_interrupt_pipe[1], &b, 1);
    (void)r;
  }
  errno = saved;
}

static void nq_winch_handler(int sig) {
  (void)sig;
  nq_winch_pending = 1;
}

static void nq_fatal_handler(int sig) {
  if (nq_have_saved_tty) tcsetattr(STDIN_FILENO, TCSANOW, &nq_saved_tty);
  signal(sig, SIG_DFL);
  raise(sig);
}

static void *nq_interrupt_thread(void *arg) {
  (void)arg;
  for (;;) {
    char b;
    ssize_t r = read(nq_interrupt_pipe[0], &b, 1);
    if (r == 1) {
      if (nq_on_interrupt) nq_on_interrupt(nq_on_interrupt_ctx);
    } else if (r < 0 && errno == EINTR) {
      continue;
    } else {
      return NULL;
    }
  }
}

void nq_ignore_sigpipe(void) { signal(SIGPIPE, SIG_IGN); }

void nq_install_signals(nq_interrupt_fn fn, void *ctx) {
  nq_on_interrupt = fn;
  nq_on_interrupt_ctx = ctx;
  if (tcgetattr(STDIN_FILENO, &nq_saved_tty) == 0) nq_have_saved_tty = 1;
  if (nq_interrupt_pipe[0] < 0) {
    if (pipe2(nq_interrupt_pipe, O_CLOEXEC) == 0) {
      pthread_t thread;
      pthread_attr_t attr;
      pthread_attr_init(&attr);
      pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
      if (pthread_create(&thread, &attr, nq_interrupt_thread, NULL) != 0) {
        close(nq_interrupt_pipe[0]);
        close(nq_interrupt_pipe[1]);
        nq_interrupt_pipe[0] = nq_interrupt_pipe[1] = -1;
      }
      pthread_attr_destroy(&attr);
    }
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = SA_RESTART;
  sa.sa_handler = nq_sigint_handler;
  sigaction(SIGINT, &sa, NULL);
  sa.sa_handler = nq_winch_handler;
  sigaction(SIGWINCH, &sa, NULL);
  sa.sa_handler = nq_fatal_handler;
  sa.sa_flags = SA_RESETHAND;
  sigaction(SIGHUP, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
}

/* ---- reading ---------------------------------------------------------------------------- */

/* Our read function: one wide character from stdin, decoding the locale's multibyte form;
 * honours a resize while waiting; invalid bytes become U+FFFD instead of an error. */
static int nq_getc(EditLine *el, wchar_t *out) {
  nq_editor *ed = NULL;
  L.el_get(el, EL_CLIENTDATA, (void **)&ed);
  for (;;) {
    if (nq_winch_pending) {
      nq_winch_pending = 0;
      L.el_resize(el);
      L.el_set(el, EL_REFRESH);
    }
    if (nq_sigint_while_reading) {
      nq_sigint_while_reading = 0;
      *out = (wchar_t)3; /* behave as the Ctrl-C key */
      return 1;
    }
    struct pollfd pfd = {.fd = STDIN_FILENO, .events = POLLIN};
    int p = poll(&pfd, 1, -1);
    if (p < 0) {
      if (errno == EINTR) continue;
      return -1;
    }
    unsigned char byte;
    ssize_t r = read(STDIN_FILENO, &byte, 1);
    if (r < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      return -1;
    }
    if (r == 0) return 0;
    if (ed == NULL) { *out = byte; return 1; }
    wchar_t wc;
    size_t n = mbrtowc(&wc, (const char *)&byte, 1, &ed->mb);
    if (n == (size_t)-2) continue; /* incomplete: read more bytes */
    if (n == (size_t)-1) {
      memset(&ed->mb, 0, sizeof ed->mb);
      *out = (wchar_t)0xFFFD;
      return 1;
    }
    *out = wc;
    return 1;
  }
}

static char *nq_prompt_fn(EditLine *el) {
  nq_editor *ed = NULL;
  L.el_get(el, EL_CLIENTDATA, (void **)&ed);
  return (ed && ed->prompt) ? ed->prompt : (char *)"";
}

/* Ctrl-C: show ^C at the end of the line, end the line, and mark it abandoned. */
static unsigned char nq_interrupt_key(EditLine *el, int ch) {
  (void)ch;
  nq_editor *ed = NULL;
  L.el_get(el, EL_CLIENTDATA, (void **)&ed);
  if (ed) ed->interrupted = 1;
  L.el_cursor(el, 1 << 30);
  L.el_insertstr(el, "^C");
  L.el_push(el, "\n");
  return CC_REFRESH;
}

/* Tab: ask the Swift completer, apply its edit, print its listing. */
static unsigned char nq_complete_key(EditLine *el, int ch) {
  (void)ch;
  nq_editor *ed = NULL;
  L.el_get(el, EL_CLIENTDATA, (void **)&ed);
  if (!ed || !ed->complete) return CC_ERROR;
  const LineInfo *li = L.el_line(el);
  if (!li) return CC_ERROR;
  nq_completion out = {0, NULL, NULL};
  int ok = ed->complete(ed->complete_ctx, li->buffer, (int)(li->cursor - li->buffer), &out);
  unsigned char rc = CC_REFRESH_BEEP;
  if (ok) {
    rc = CC_REFRESH;
    if (out.insert && out.insert[0]) {
      if (out.delete_chars > 0) L.el_deletestr(el, out.delete_chars);
      if (L.el_insertstr(el, out.insert) != 0) rc = CC_REFRESH_BEEP;
    }
    if (out.listing && out.listing[0]) {
      FILE *fout = NULL;
      if (L.el_get(el, EL_GETFP, 1, &fout) != 0 || fout == NULL) fout = stdout;
      fputs("\n", fout);
      fputs(out.listing, fout);
      size_t n = strlen(out.listing);
      if (n == 0 || out.listing[n - 1] != '\n') fputs("\n", fout);
      fflush(fout);
      rc = CC_REDISPLAY;
    }
  }
  free(out.insert);
  free(out.listing);
  return rc;
}

static void nq_set_locale(void) {
  const char *loc = setlocale(LC_CTYPE, "");
  const char *cs = nl_langinfo(CODESET);
  if (loc == NULL || cs == NULL || strcmp(cs, "UTF-8") != 0) {
    if (setlocale(LC_CTYPE, "C.UTF-8") == NULL) setlocale(LC_CTYPE, "C.utf8");
  }
}

static History *nq_history_new(HistEvent *ev, int size) {
  History *h = L.history_init();
  if (!h) return NULL;
  L.history(h, ev, H_SETSIZE, size > 0 ? size : 1000);
  L.history(h, ev, H_SETUNIQUE, 1);
  return h;
}

nq_editor *nq_open_history_only(const char *history_path, int history_size) {
  if (!nq_lib()) return NULL;
  nq_editor *ed = calloc(1, sizeof *ed);
  if (!ed) return NULL;
  ed->hist = nq_history_new(&ed->ev, history_size);
  if (!ed->hist) { free(ed); return NULL; }
  if (history_path) {
    ed->history_path = strdup(history_path);
    L.history(ed->hist, &ed->ev, H_LOAD, history_path);
  }
  return ed;
}

nq_editor *nq_open(const char *program, const char *history_path, int history_size) {
  nq_set_locale();
  nq_editor *ed = nq_open_history_only(history_path, history_size);
  if (!ed) return NULL;
  ed->el = L.el_init(program ? program : "newsq", stdin, stdout, stderr);
  if (!ed->el) { nq_close(ed); return NULL; }
  EditLine *el = ed->el;
  L.el_set(el, EL_CLIENTDATA, (void *)ed);
  L.el_set(el, EL_EDITOR, "emacs");
  L.el_set(el, EL_SIGNAL, 0);
  L.el_set(el, EL_HIST, L.history, ed->hist);
  L.el_set(el, EL_PROMPT_ESC, nq_prompt_fn, '\1');
  L.el_set(el, EL_GETCFN, nq_getc);
  L.el_set(el, EL_SETTY, "-d", "-isig", NULL);
  /* The wide form: the narrow el_set(EL_ADDFN) wcsdup()s name and help and never frees them
     (libedit's eln.c: "XXX: The two strdup's leak"; LeakSanitizer: 292 bytes). These literals
     live as long as the program. */
  L.el_wset(el, EL_ADDFN, L"nq-complete", L"complete from the newsq engine", nq_complete_key);
  L.el_wset(el, EL_ADDFN, L"nq-interrupt", L"abandon the line", nq_interrupt_key);
  L.el_set(el, EL_BIND, "^I", "nq-complete", NULL);
  L.el_set(el, EL_BIND, "^C", "nq-interrupt", NULL);
  /* Arrow keys for history search by prefix would surprise readline users: keep defaults. */
  L.el_source(el, NULL); /* ~/.editrc, as other libedit programs do */
  return ed;
}

void nq_set_prompt(nq_editor *ed, const char *prompt) {
  if (!ed) return;
  free(ed->prompt);
  ed->prompt = strdup(prompt ? prompt : "");
}

const char *nq_read_line(nq_editor *ed, int *length) {
  if (length) *length = 0;
  if (!ed || !ed->el) return NULL;
  ed->interrupted = 0;
  memset(&ed->mb, 0, sizeof ed->mb);
  int count = 0;
  nq_reading = 1;
  const char *s = L.el_gets(ed->el, &count);
  nq_reading = 0;
  if (ed->interrupted) {
    if (length) *length = 0;
    return "";
  }
  if (s == NULL || count <= 0) return NULL;
  size_t n = strlen(s);
  while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == '\r')) n--;
  if (n + 1 > ed->line_cap) {
    size_t cap = n + 1 < 256 ? 256 : n + 1;
    char *p = realloc(ed->line, cap);
    if (!p) return NULL;
    ed->line = p;
    ed->line_cap = cap;
  }
  memcpy(ed->line, s, n);
  ed->line[n] = '\0';
  if (length) *length = (int)n;
  return ed->line;
}

int nq_was_interrupted(const nq_editor *ed) { return ed ? ed->interrupted : 0; }

void nq_history_add(nq_editor *ed, const char *entry) {
  if (!ed || !ed->hist || !entry || !entry[0]) return;
  L.history(ed->hist, &ed->ev, H_ENTER, entry);
}

int nq_history_save(nq_editor *ed, const char *tmp_path) {
  if (!ed || !ed->hist || !ed->history_path || !tmp_path) return EINVAL;
  errno = 0;
  if (L.history(ed->hist, &ed->ev, H_SAVE, tmp_path) < 0) {
    int e = errno ? errno : EACCES;
    unlink(tmp_path);
    return e;
  }
  chmod(tmp_path, 0600);
  if (rename(tmp_path, ed->history_path) != 0) {
    int e = errno;
    unlink(tmp_path);
    return e;
  }
  return 0;
}

int nq_history_count(nq_editor *ed) {
  if (!ed || !ed->hist) return 0;
  if (L.history(ed->hist, &ed->ev, H_GETSIZE) < 0) return 0;
  return ed->ev.num;
}

const char *nq_history_entry(nq_editor *ed, int index) {
  if (!ed || !ed->hist || index < 0) return NULL;
  if (L.history(ed->hist, &ed->ev, H_FIRST) < 0) return NULL;
  for (int i = 0; i < index; i++)
    if (L.history(ed->hist, &ed->ev, H_NEXT) < 0) return NULL;
  return ed->ev.str;
}

void nq_set_completer(nq_editor *ed, nq_complete_fn fn, void *ctx) {
  if (!ed) return;
  ed->complete = fn;
  ed->complete_ctx = ctx;
}

void nq_close(nq_editor *ed) {
  if (!ed) return;
  if (ed->el) L.el_end(ed->el);
  if (ed->hist) L.history_end(ed->hist);
  free(ed->history_path);
  free(ed->prompt);
  free(ed->line);
  free(ed);
}

int nq_columns(void) {
  int fds[3] = {STDOUT_FILENO, STDERR_FILENO, STDIN_FILENO};
  for (int i = 0; i < 3; i++) {
    struct winsize ws;
    if (ioctl(fds[i], TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) return ws.ws_col;
  }
  return 0;
}

int nq_isatty(int fd) { return isatty(fd); }

void nq_cpu_times(long long *user_us, long long *system_us) {
  struct rusage ru;
  if (getrusage(RUSAGE_SELF, &ru) != 0) { *user_us = 0; *system_us = 0; return; }
  *user_us = (long long)ru.ru_utime.tv_sec * 1000000LL + ru.ru_utime.tv_usec;
  *system_us = (long long)ru.ru_stime.tv_sec * 1000000LL + ru.ru_stime.tv_usec;
}

long long nq_monotonic_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
