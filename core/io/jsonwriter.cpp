// SPDX-License-Identifier: GPL-3.0-or-later
#include "jsonwriter.h"

#include <QCborArray>
#include <QCborMap>

#include <charconv>
#include <cmath>

namespace neurorack {

namespace {

bool isScalar(const QCborValue &v)
{
    return !v.isArray() && !v.isMap();
}

void writeString(QByteArray &out, const QString &s)
{
    // Escape in UTF-16 and convert once, so that surrogate pairs stay together.
    QString escaped;
    escaped.reserve(s.size() + 2);
    escaped += QLatin1Char('"');
    for (const QChar c : s) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\') {
            escaped += QLatin1Char('\\');
            escaped += c;
        } else if (u == u'\n') {
            escaped += QLatin1String("\\n");
        } else if (u == u'\t') {
            escaped += QLatin1String("\\t");
        } else if (u == u'\r') {
            escaped += QLatin1String("\\r");
        } else if (u < 0x20) {
            escaped += QStringLiteral("\\u%1").arg(unsigned(u), 4, 16, QLatin1Char('0'));
        } else {
            escaped += c;
        }
    }
    escaped += QLatin1Char('"');
    out += escaped.toUtf8();
}

void writeScalar(QByteArray &out, const QCborValue &v)
{
    switch (v.type()) {
    case QCborValue::Integer:
        out += QByteArray::number(v.toInteger());
        break;
    case QCborValue::Double:
        out += JsonWriter::formatNumber(v.toDouble());
        break;
    case QCborValue::String:
        writeString(out, v.toString());
        break;
    case QCborValue::True:
        out += "true";
        break;
    case QCborValue::False:
        out += "false";
        break;
    default:
        out += "null"; // null, and anything JSON cannot say
        break;
    }
}

void writeValue(QByteArray &out, const QCborValue &v, int indent)
{
    const QByteArray pad(indent * 2, ' ');
    const QByteArray inner((indent + 1) * 2, ' ');
    if (v.isMap()) {
        const QCborMap map = v.toMap();
        if (map.isEmpty()) {
            out += "{}";
            return;
        }
        out += "{\n";
        for (auto it = map.constBegin(); it != map.constEnd(); ++it) {
            out += inner;
            writeString(out, it.key().toString());
            out += ": ";
            writeValue(out, it.value(), indent + 1);
            out += std::next(it) == map.constEnd() ? "\n" : ",\n";
        }
        out += pad + '}';
    } else if (v.isArray()) {
        const QCborArray array = v.toArray();
        if (array.isEmpty()) {
            out += "[]";
            return;
        }
        if (std::all_of(array.begin(), array.end(), [](const QCborValue &e) { return isScalar(e); })) {
            out += '[';
            for (qsizetype i = 0; i < array.size(); ++i) {
                if (i > 0)
                    out += ", ";
                writeScalar(out, array.at(i));
            }
            out += ']';
            return;
        }
        out += "[\n";
        for (qsizetype i = 0; i < array.size(); ++i) {
            out += inner;
            writeValue(out, array.at(i), indent + 1);
            out += i + 1 == array.size() ? "\n" : ",\n";
        }
        out += pad + ']';
    } else {
        writeScalar(out, v);
    }
}

} // namespace

QByteArray JsonWriter::formatNumber(double value)
{
    if (!std::isfinite(value))
        return QByteArrayLiteral("null");
    char buf[64];
    std::to_chars_result r;
    const float f = static_cast<float>(value);
    // Plain decimals for everyday magnitudes, exponents only for the extremes.
    const double mag = std::abs(value);
    const auto format = (mag == 0.0 || (mag >= 1e-4 && mag < 1e7)) ? std::chars_format::fixed : std::chars_format::general;
    if (static_cast<double>(f) == value)
        r = std::to_chars(buf, buf + sizeof buf, f, format); // came from a float: shortest float text
    else
        r = std::to_chars(buf, buf + sizeof buf, value, format);
    return QByteArray(buf, r.ptr - buf);
}

QByteArray JsonWriter::write(const QCborValue &document)
{
    QByteArray out;
    writeValue(out, document, 0);
    out += '\n';
    return out;
}

} // namespace neurorack
