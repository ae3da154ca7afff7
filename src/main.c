/* main.c — placeholder until the pipeline lands. */
#include <stdio.h>
int main(void) { puts("vanban"); return 0; }
