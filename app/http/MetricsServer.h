#pragma once

namespace steward {
} // namespace steward
