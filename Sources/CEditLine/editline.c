#include "CEditLine.h"
#include <histedit.h>
int nq_editline_available(void) { return 1; }
