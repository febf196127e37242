#include "QualityQueries.h"
