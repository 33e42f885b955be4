// libedit's readline-compatible layer. stdio.h must precede readline.h, which uses FILE.
// Swift 6 cannot assign imported mutable C globals, and Swift cannot pass C's stdin/stdout, so the
// few globals the REPL touches get tiny inline accessors here.
#include <stdio.h>
#include <signal.h>
#include <string.h>
#include <stdlib.h>
#include <editline/readline.h>

static inline void hps_rl_set_name(const char *name) { rl_readline_name = strdup(name); }

static inline void hps_rl_set_completer(rl_completion_func_t *completer) {
  rl_attempted_completion_function = completer;
}

/// Called from inside the completer: 1 stops libedit falling back to file-name completion.
static inline void hps_rl_set_completion_over(int over) { rl_attempted_completion_over = over; }

/// Word breaks without '.', so `trainer.hyp<TAB>` hands the whole dotted word to the completer.
static inline void hps_rl_set_word_breaks(const char *breaks) {
  rl_basic_word_break_characters = strdup(breaks);
  rl_completer_word_break_characters = strdup(breaks);
}

static inline void hps_rl_set_append_character(int c) { rl_completion_append_character = c; }

/// The line being edited, for completers that need the text before the word.
static inline const char *hps_rl_line_buffer(void) { return rl_line_buffer; }
static inline int hps_rl_point(void) { return rl_point; }

