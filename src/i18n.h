#ifndef CK_I18N_H
#define CK_I18N_H

#define _(s) (s)
#define N_(s) (s)

#endif
