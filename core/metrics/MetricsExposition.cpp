#include "MetricsExposition.h"
