#include "json/JsonParser.h"

#include "Tr.h"
#include "json/JsonPointer.h"
#include "json/JsonSyntax.h"

#include <simdjson.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <deque>
#include <iterator>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

using namespace Qt::StringLiterals;

namespace steward::json {

namespace {

namespace ondemand = simdjson::ondemand;

// Whatever a caller asks for, parsing never nests deeper than this: each level is a
// stack frame here, and every later walk over the tree (diff, serialize, destruction)
// recurses as deep again. simdjson's own default limit is 1024.
constexpr int kDepthCeiling = 1000;

Error malformed(qsizetype offset, const QString &reason, const QString &field = QString())
{
    return Error::invalid(field, CoreTr::tr("Malformed JSON at byte %1: %2.").arg(offset).arg(reason));
}

// ---------------------------------------------------------------------------------------
// Building a Node from simdjson's on-demand iteration: members come in the order written
// and numbers are taken as their raw token text.

// The member names of an object recently parsed at a depth. Documents repeat the same
// object shape in every item of an array: while an object's names follow a known shape,
// each name is its QString already, and cannot be a duplicate.
struct Shape
{
    std::vector<std::string> names; // unescaped UTF-8
    std::vector<QString> keys;
};

// Children collect here, one per nesting level, so each container's list is allocated
// once at its final size.
struct Scratch
{
    std::vector<Node> items;
    std::vector<Node::Member> members;
    std::vector<std::string_view> keys;            // unescaped, for the duplicate check
    std::unordered_set<std::string_view> keyIndex; // once an object is large
    size_t indexed = 0;                            // keys in keyIndex
    std::array<Shape, 4> shapes;                   // a few, as siblings differ
    size_t nextShape = 0;                          // the one replaced next

    void clear() // after a failed parse: the shapes stay good
    {
        items.clear();
        members.clear();
        keys.clear();
        keyIndex.clear();
        indexed = 0;
    }
};

// One QString per member name, shared by every object and every document that uses it.
class KeyPool
{
public:
    const QString &key(std::string_view unescaped)
    {
        constexpr size_t kCachedKeys = 4096;
        constexpr size_t kLongestCachedKey = 64;
        const auto found = m_keys.find(unescaped);
        if (found != m_keys.end())
            return found->second;
        if (unescaped.size() > kLongestCachedKey || m_keys.size() >= kCachedKeys) {
            m_uncached = QString::fromUtf8(unescaped.data(), qsizetype(unescaped.size()));
            return m_uncached;
        }
        const std::string &owned = m_names.emplace_back(unescaped);
        return m_keys.emplace(owned, QString::fromUtf8(owned.data(), qsizetype(owned.size()))).first->second;
    }

private:
    std::deque<std::string> m_names; // what m_keys' views point to; a deque never moves them
    std::unordered_map<std::string_view, QString> m_keys;
    QString m_uncached;
};

// What parsing one document after another reuses: simdjson's buffers (already in
// memory), the scratch lists and shapes, and the member names. A deque keeps references
// to the scratch of outer levels stable as it grows.
struct Workspace
{
    ondemand::parser parser;
    size_t capacity = 0;
    std::deque<Scratch> scratch;
    KeyPool keys;
};

class TreeBuilder
{
public:
    TreeBuilder(std::string_view text, int maxDepth, Workspace &workspace)
        : m_text(text), m_maxDepth(maxDepth), m_scratch(workspace.scratch), m_keys(workspace.keys)
    {
        for (Scratch &scratch : m_scratch)
            scratch.clear();
    }

    Result<Node> build(ondemand::document &document);

private:
    struct PathStep
    {
        std::string_view key; // unescaped: in the text, or in simdjson's string buffer
        qsizetype index = -1; // >= 0 for an array item
    };

    bool parseValue(ondemand::value &value, int depth, Node &out);
    bool parseArray(ondemand::array array, int depth, Node &out);
    bool parseObject(ondemand::object object, int depth, Node &out);
    bool parseNumber(std::string_view rawToken, Node &out);
    std::string_view plainString(const char *start) const; // just after the opening quote
    bool enter(int depth, simdjson::simdjson_result<const char *> location);

    bool failSimdjson(simdjson::error_code code, const char *location = nullptr);
    bool fail(Error error)
    {
        m_error = std::move(error);
        return false;
    }
    QString pointer() const;
    qsizetype offsetOf(const char *location) const
    {
        return qsizetype(location - m_text.data());
    }

    Scratch &scratchAt(int depth);
    bool isDuplicate(Scratch &scratch, std::string_view name);
    static const Shape *shapeStartingWith(const Scratch &scratch, std::string_view name);
    static void rememberShape(Scratch &scratch);

    std::string_view m_text;
    int m_maxDepth;
    std::vector<PathStep> m_path;
    std::deque<Scratch> &m_scratch;
    KeyPool &m_keys;
    std::optional<Error> m_error;
};

QString TreeBuilder::pointer() const
{
    QString result;
    for (const PathStep &step : m_path) {
        result = step.index >= 0
                     ? appendIndex(result, step.index)
                     : appendToken(result, QString::fromUtf8(step.key.data(), qsizetype(step.key.size())));
    }
    return result;
}

bool TreeBuilder::failSimdjson(simdjson::error_code code, const char *location)
{
    if (code == simdjson::MEMALLOC)
        return fail(Error::invalid(QString(), CoreTr::tr("Not enough memory to parse the document.")));
    if (auto problem = syntax::locateError(m_text))
        return fail(malformed(problem->offset, problem->reason));
    // The strict scan found nothing wrong, so simdjson refused something valid JSON
    // allows; say so with its own words rather than inventing a position.
    const QString reason = CoreTr::tr("the parser refused it (%1)").arg(QString::fromLatin1(simdjson::error_message(code)));
    return fail(malformed(location ? offsetOf(location) : 0, reason, pointer()));
}

// Checked before descending, so the recursion never goes deeper than the limit.
bool TreeBuilder::enter(int depth, simdjson::simdjson_result<const char *> location)
{
    if (depth <= m_maxDepth)
        return true;
    const char *where = nullptr;
    const qsizetype offset = std::move(location).get(where) == simdjson::SUCCESS ? offsetOf(where) : 0;
    return fail(Error::invalid(pointer(), CoreTr::tr("The document nests arrays and objects deeper than %1 levels (at byte %2).")
                                              .arg(m_maxDepth)
                                              .arg(offset)));
}

// Most strings have no escapes: they are used where they stand in the text, which
// simdjson has already checked (quotes, UTF-8, control characters), instead of being
// copied out into its string buffer. A null view when the string has an escape.
std::string_view TreeBuilder::plainString(const char *start) const
{
    const char *end = m_text.data() + m_text.size();
    const auto *quote = static_cast<const char *>(std::memchr(start, '"', size_t(end - start)));
    if (!quote || std::memchr(start, '\\', size_t(quote - start)))
        return {};
    return std::string_view(start, size_t(quote - start));
}

bool TreeBuilder::parseNumber(std::string_view rawToken, Node &out)
{
    // The raw token runs up to the next structural character, spaces included.
    while (!rawToken.empty() && syntax::isWhitespace(rawToken.back()))
        rawToken.remove_suffix(1);
    if (!syntax::isNumber(rawToken))
        return fail(malformed(offsetOf(rawToken.data()), CoreTr::tr("invalid number"), pointer()));
    out = Node::numberFromUtf8(QByteArrayView(rawToken.data(), qsizetype(rawToken.size())));
    return true;
}

bool TreeBuilder::parseValue(ondemand::value &value, int depth, Node &out)
{
    ondemand::json_type type;
    if (auto code = value.type().get(type))
        return failSimdjson(code);
    switch (type) {
    case ondemand::json_type::array: {
        if (!enter(depth + 1, value.current_location()))
            return false;
        ondemand::array items;
        if (auto code = value.get_array().get(items))
            return failSimdjson(code);
        return parseArray(items, depth + 1, out);
    }
    case ondemand::json_type::object: {
        if (!enter(depth + 1, value.current_location()))
            return false;
        ondemand::object members;
        if (auto code = value.get_object().get(members))
            return failSimdjson(code);
        return parseObject(members, depth + 1, out);
    }
    case ondemand::json_type::number: return parseNumber(value.raw_json_token(), out);
    case ondemand::json_type::string: {
        // Peeking at the token does not consume the value; get_string() does, once.
        std::string_view text = plainString(value.raw_json_token().data() + 1);
        if (!text.data()) {
            if (auto code = value.get_string().get(text))
                return failSimdjson(code);
        }
        out = Node::stringFromUtf8(QByteArrayView(text.data(), qsizetype(text.size())));
        return true;
    }
    case ondemand::json_type::boolean: {
        bool flag = false;
        if (auto code = value.get_bool().get(flag))
            return failSimdjson(code);
        out = Node::boolean(flag);
        return true;
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        if (auto code = value.is_null().get(isNull))
            return failSimdjson(code);
        if (!isNull)
            return failSimdjson(simdjson::N_ATOM_ERROR);
        out = Node::null();
        return true;
    }
    }
    return failSimdjson(simdjson::TAPE_ERROR);
}

Scratch &TreeBuilder::scratchAt(int depth)
{
    while (m_scratch.size() <= size_t(depth))
        m_scratch.emplace_back();
    return m_scratch[size_t(depth)];
}

bool TreeBuilder::parseArray(ondemand::array array, int depth, Node &out)
{
    Scratch &scratch = scratchAt(depth);
    m_path.push_back(PathStep{});
    for (auto element : array) {
        ondemand::value item;
        if (auto code = element.get(item))
            return failSimdjson(code);
        m_path.back().index = qsizetype(scratch.items.size());
        Node child;
        if (!parseValue(item, depth, child))
            return false;
        scratch.items.push_back(std::move(child));
    }
    m_path.pop_back();
    out = Node::array(QList<Node>(std::make_move_iterator(scratch.items.begin()),
                                  std::make_move_iterator(scratch.items.end())));
    scratch.items.clear();
    return true;
}

bool TreeBuilder::isDuplicate(Scratch &scratch, std::string_view name)
{
    constexpr size_t kIndexFrom = 12; // a set beats comparing with every key from here on
    if (scratch.keys.size() < kIndexFrom)
        return std::find(scratch.keys.cbegin(), scratch.keys.cend(), name) != scratch.keys.cend();
    for (; scratch.indexed < scratch.keys.size(); ++scratch.indexed)
        scratch.keyIndex.insert(scratch.keys[scratch.indexed]);
    return scratch.keyIndex.count(name) > 0;
}

const Shape *TreeBuilder::shapeStartingWith(const Scratch &scratch, std::string_view name)
{
    for (const Shape &shape : scratch.shapes) {
        if (!shape.names.empty() && shape.names.front() == name)
            return &shape;
    }
    return nullptr;
}

void TreeBuilder::rememberShape(Scratch &scratch)
{
    if (scratch.members.empty())
        return;
    Shape &shape = scratch.shapes[scratch.nextShape];
    scratch.nextShape = (scratch.nextShape + 1) % scratch.shapes.size();
    shape.names.assign(scratch.keys.cbegin(), scratch.keys.cend());
    shape.keys.clear();
    for (const Node::Member &member : scratch.members)
        shape.keys.push_back(member.first);
}

bool TreeBuilder::parseObject(ondemand::object object, int depth, Node &out)
{
    Scratch &scratch = scratchAt(depth);
    const Shape *shape = nullptr; // while the names so far are this shape's first ones
    bool shapeFollowed = true;
    m_path.push_back(PathStep{});
    for (auto field : object) {
        ondemand::field member;
        if (auto code = std::move(field).get(member))
            return failSimdjson(code);
        std::string_view name;
        name = plainString(member.key().raw());
        if (!name.data()) {
            if (auto code = member.unescaped_key().get(name))
                return failSimdjson(code);
        }

        const size_t position = scratch.keys.size();
        if (position == 0)
            shape = shapeStartingWith(scratch, name);
        shapeFollowed = shape && position < shape->names.size() && shape->names[position] == name;
        if (!shapeFollowed) {
            shape = nullptr;
            if (isDuplicate(scratch, name)) {
                m_path.pop_back(); // the error names the object, not the member
                const QString keyText = QString::fromUtf8(name.data(), qsizetype(name.size()));
                return fail(Error::invalid(
                    pointer(), CoreTr::tr("The key \"%1\" appears more than once in this object.").arg(quotedInput(keyText))));
            }
        }
        scratch.keys.push_back(name);

        m_path.back().key = name;
        Node child;
        if (!parseValue(member.value(), depth, child))
            return false;
        scratch.members.emplace_back(shapeFollowed ? shape->keys[position] : m_keys.key(name), std::move(child));
    }
    m_path.pop_back();
    if (!shape || shape->names.size() != scratch.keys.size())
        rememberShape(scratch);
    out = Node::object(QList<Node::Member>(std::make_move_iterator(scratch.members.begin()),
                                           std::make_move_iterator(scratch.members.end())));
    scratch.members.clear();
    scratch.keys.clear();
    scratch.keyIndex.clear();
    scratch.indexed = 0;
    return true;
}

Result<Node> TreeBuilder::build(ondemand::document &document)
{
    ondemand::json_type type;
    if (auto code = document.type().get(type)) {
        failSimdjson(code);
        return *m_error;
    }
    Node root;
    if (type == ondemand::json_type::array || type == ondemand::json_type::object) {
        // The document's own accessors, not get_value(): they check that the root
        // container is closed at the end of the text before iterating it.
        if (!enter(1, document.current_location()))
            return *m_error;
        bool ok = false;
        if (type == ondemand::json_type::array) {
            ondemand::array items;
            if (auto code = document.get_array().get(items))
                failSimdjson(code);
            else
                ok = parseArray(items, 1, root);
        } else {
            ondemand::object members;
            if (auto code = document.get_object().get(members))
                failSimdjson(code);
            else
                ok = parseObject(members, 1, root);
        }
        if (!ok)
            return *m_error;
        // Anything left after the root container is garbage.
        const char *rest = nullptr;
        if (document.current_location().get(rest) == simdjson::SUCCESS) {
            failSimdjson(simdjson::TRAILING_CONTENT, rest);
            return *m_error;
        }
        return root;
    }

    // A scalar document: the raw token spans the value and the spaces after it, so
    // anything beyond it is trailing garbage.
    std::string_view token;
    if (auto code = document.raw_json_token().get(token)) {
        failSimdjson(code);
        return *m_error;
    }
    if (token.data() + token.size() != m_text.data() + m_text.size()) {
        failSimdjson(simdjson::TRAILING_CONTENT, token.data() + token.size());
        return *m_error;
    }
    if (type == ondemand::json_type::string) {
        std::string_view text;
        if (auto code = document.get_string().get(text)) {
            failSimdjson(code, token.data());
            return *m_error;
        }
        return Node::stringFromUtf8(QByteArrayView(text.data(), qsizetype(text.size())));
    }
    if (type == ondemand::json_type::number) {
        if (!parseNumber(token, root))
            return *m_error;
        return root;
    }
    // Literals are checked here: simdjson 3.0.1 refuses "null" followed by a space
    // when it is the whole document.
    while (!token.empty() && syntax::isWhitespace(token.back()))
        token.remove_suffix(1);
    if (token == "true")
        return Node::boolean(true);
    if (token == "false")
        return Node::boolean(false);
    if (token == "null")
        return Node::null();
    failSimdjson(simdjson::TAPE_ERROR, token.data());
    return *m_error;
}

} // namespace

namespace {

Error tooLarge(qsizetype size, const ParseLimits &limits)
{
    return Error::invalid(QString(), CoreTr::tr("The document is %1 bytes long, more than the limit of %2 bytes.")
                                         .arg(size)
                                         .arg(limits.maxBytes));
}

// `text` is followed by at least SIMDJSON_PADDING readable bytes.
Result<Node> parsePadded(std::string_view text, const ParseLimits &limits, Workspace &workspace)
{
    size_t first = 0;
    while (first < text.size() && syntax::isWhitespace(text[first]))
        ++first;
    if (first == text.size())
        return Node::null(); // nothing written: a create has no current state

    const int maxDepth = qBound(0, limits.maxDepth, kDepthCeiling);
    // Grown with room to spare, so a slightly larger next document reuses the buffers:
    // what is allocated but never written costs no memory.
    if (workspace.capacity < text.size()) {
        const size_t capacity = text.size() + text.size() / 8;
        // The depth only matters to simdjson's development checks (debug builds).
        if (workspace.parser.allocate(capacity, size_t(kDepthCeiling) + 8) != simdjson::SUCCESS) {
            workspace.capacity = 0;
            return Error::invalid(QString(), CoreTr::tr("Not enough memory to parse the document."));
        }
        workspace.capacity = capacity;
    }
    TreeBuilder builder(text, maxDepth, workspace);
    ondemand::document document;
    const simdjson::padded_string_view padded(text.data(), text.size(), text.size() + simdjson::SIMDJSON_PADDING);
    if (auto code = workspace.parser.iterate(padded).get(document)) {
        if (code == simdjson::MEMALLOC || code == simdjson::CAPACITY)
            return Error::invalid(QString(), CoreTr::tr("Not enough memory to parse the document."));
        if (auto problem = syntax::locateError(text))
            return malformed(problem->offset, problem->reason);
        return malformed(0, CoreTr::tr("the parser refused it (%1)").arg(QString::fromLatin1(simdjson::error_message(code))));
    }
    return builder.build(document);
}

} // namespace

struct Parser::State
{
    ParseLimits limits;
    Workspace workspace;
};

Parser::Parser(const ParseLimits &limits) : m_state(std::make_unique<State>())
{
    m_state->limits = limits;
}

Parser::~Parser() = default;

Result<Node> Parser::parse(QByteArrayView text)
{
    if (text.size() > m_state->limits.maxBytes)
        return tooLarge(text.size(), m_state->limits);
    // simdjson reads up to SIMDJSON_PADDING bytes past the end, so it gets a padded copy.
    const simdjson::padded_string padded(text.data(), size_t(text.size()));
    return parsePadded(std::string_view(padded.data(), padded.size()), m_state->limits, m_state->workspace);
}

Result<Node> Parser::parseInPlace(QByteArray text)
{
    if (text.size() > m_state->limits.maxBytes)
        return tooLarge(text.size(), m_state->limits);
    const qsizetype size = text.size();
    // Grows the buffer only when its spare capacity is too small (a read usually leaves
    // some); the padding is zeroed so nothing depends on what was there.
    text.resize(size + qsizetype(simdjson::SIMDJSON_PADDING));
    std::memset(text.data() + size, 0, simdjson::SIMDJSON_PADDING);
    return parsePadded(std::string_view(text.constData(), size_t(size)), m_state->limits, m_state->workspace);
}

Result<Node> parse(QByteArrayView text, const ParseLimits &limits)
{
    return Parser(limits).parse(text);
}

Result<Node> parseInPlace(QByteArray text, const ParseLimits &limits)
{
    return Parser(limits).parseInPlace(std::move(text));
}

} // namespace steward::json
