#pragma once

#include "json/JsonNode.h"
#include "model/Error.h"

#include <QByteArrayView>

#include <memory>

namespace steward::json {

struct ParseLimits
{
    qsizetype maxBytes = 64 * 1024 * 1024; // a larger document is refused before parsing
    int maxDepth = 200;                     // nesting of arrays and objects
};

// Parses UTF-8 JSON text into a Node. Errors are clear and never crash: malformed text
// (with its byte offset), a duplicate key (Error::field is the JSON Pointer of the
// object, the message names the key), too deep, too large. An empty or "null" text is
// a top-level null (a create has no current state).
Result<Node> parse(QByteArrayView text, const ParseLimits &limits = {});
// The same, parsing in the text's own buffer instead of a padded copy of it (simdjson
// reads a little past the end): for large documents read just for this.
Result<Node> parseInPlace(QByteArray text, const ParseLimits &limits = {});

// Parses documents one after another with the same buffers, and gives every member name
// one QString shared by all of them (a diff compares the names of two documents by
// pointer). Holds on to memory in proportion to the largest document until destroyed.
class Parser
{
public:
    explicit Parser(const ParseLimits &limits = {});
    ~Parser();
    Parser(const Parser &) = delete;
    Parser &operator=(const Parser &) = delete;

    Result<Node> parse(QByteArrayView text);
    Result<Node> parseInPlace(QByteArray text);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

// Compact or indented UTF-8 text; numbers exactly as their raw text, members in order.
QByteArray serialize(const Node &node, bool indented = false);

} // namespace steward::json
