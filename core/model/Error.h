#pragma once

#include <QString>

#include <optional>
#include <utility>
#include <variant>

namespace steward {

// Why an operation was refused. The code maps onto CLI exit status and HTTP status.
enum class ErrorCode {
    Invalid,      // malformed input; `field` names the culprit (HTTP 400)
    Forbidden,    // wrong role, four-eyes, not the requester (HTTP 403)
    NotFound,     // no such request or entity in this tenant (HTTP 404)
    Conflict,     // already decided, key taken (HTTP 409)
    Stale,        // the live entity changed since the request was made (HTTP 409)
    Unavailable,  // database unreachable or failed (HTTP 503)
    Corrupted,    // stored data fails its own integrity check: the audit chain (HTTP 500)
};

struct Error
{
    ErrorCode code = ErrorCode::Invalid;
    QString message;
    QString field;

    static Error invalid(const QString &field, const QString &message);
    static Error make(ErrorCode code, const QString &message);
    // "field: message" when a field is named, else the message; the field cut to one line
    // (a long JSON Pointer abbreviated, a long name quoted), so input is never echoed whole.
    QString text() const;
};

// A value or the reason there is none.
template <typename T>
class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::move(value)) {}
    Result(Error error) : m_state(std::move(error)) {}

    bool ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return std::get<T>(m_state); }
    T &value() { return std::get<T>(m_state); }
    const T &operator*() const { return value(); }
    const T *operator->() const { return &value(); }
    const Error &error() const { return std::get<Error>(m_state); }

private:
    std::variant<T, Error> m_state;
};

// What a message quotes of someone's input: the text as given up to 80 characters,
// else its start, an ellipsis and its length, so a hostile 100 KB argument is not echoed.
QString quotedInput(const QString &text);

// For operations that return nothing but may fail.
using Status = std::optional<Error>;

} // namespace steward
