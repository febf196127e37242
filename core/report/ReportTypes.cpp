#include "ReportTypes.h"
