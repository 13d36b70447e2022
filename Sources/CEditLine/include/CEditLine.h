#ifndef CEDITLINE_H
#define CEDITLINE_H
/* Placeholder: the libedit shim lands with the shell issue. */
int nq_editline_available(void);
#endif
