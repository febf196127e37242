#include "MetricsServer.h"
