// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>

namespace neurorack {

/// One problem found in a document: the path of the offending field
/// ("presets[12].curves.pitch[40]", empty for the whole document) and the reason.
struct FieldError {
    QString path;
    QString message;

    /// "path: message", or just the message when the path is empty.
    QString toString() const { return path.isEmpty() ? message : path + QStringLiteral(": ") + message; }
    friend bool operator==(const FieldError &, const FieldError &) = default;
};

using FieldErrors = QList<FieldError>;

/// The errors, one per line.
inline QString joinErrors(const FieldErrors &errors)
{
    QStringList lines;
    for (const auto &e : errors)
        lines << e.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace neurorack
