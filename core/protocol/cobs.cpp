// SPDX-License-Identifier: GPL-3.0-or-later
#include "cobs.h"

namespace neurorack::cobs {

QByteArray encode(QByteArrayView data)
{
    QByteArray out;
    out.reserve(maxEncodedSize(data.size()));
    qsizetype codeAt = out.size();
    out.append('\x01'); // the code byte of the first block, patched when the block ends
    quint8 code = 1;
    for (const char byte : data) {
        if (byte != 0) {
            out.append(byte);
            ++code;
        }
        if (byte == 0 || code == 0xFF) {
            out[codeAt] = static_cast<char>(code);
            codeAt = out.size();
            out.append('\x01');
            code = 1;
        }
    }
    out[codeAt] = static_cast<char>(code);
    return out;
}

std::optional<QByteArray> decode(QByteArrayView encoded)
{
    QByteArray out;
    out.reserve(encoded.size());
    qsizetype i = 0;
    while (i < encoded.size()) {
        const auto code = static_cast<quint8>(encoded[i]);
        if (code == 0 || i + code > encoded.size())
            return std::nullopt;
        for (qsizetype k = 1; k < code; ++k) {
            if (encoded[i + k] == 0)
                return std::nullopt;
            out.append(encoded[i + k]);
        }
        i += code;
        // A block shorter than 254 data bytes ended at a zero, except at the very end.
        if (code != 0xFF && i < encoded.size())
            out.append('\0');
    }
    return out;
}

} // namespace neurorack::cobs
