#include "ReportRenderer.h"
