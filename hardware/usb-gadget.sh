#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# The Neurorack module as a USB serial (CDC-ACM) device, through the kernel's configfs
# gadget framework. The runtime serves the sync protocol on /dev/ttyGS0.
#
#   usb-gadget.sh start    create and bind the gadget (does nothing when it is up already)
#   usb-gadget.sh stop     unbind and remove it
#   usb-gadget.sh status   say whether it is bound, and to which controller
#
# VID 0x1209 / PID 0x4E52 are pid.codes-style ids: register the PID with pid.codes (or use
# your own vendor id) before shipping hardware. The serial number is stable per board:
# the device tree serial (Raspberry Pi, Jetson) or else a hash of /etc/machine-id.
# Needs root, configfs mounted on /sys/kernel/config and the libcomposite module.
set -eu

GADGET=/sys/kernel/config/usb_gadget/neurorack
VENDOR_ID=0x1209
PRODUCT_ID=0x4e52
MANUFACTURER="Neurorack"
PRODUCT="Neurorack module"
LANGUAGE=0x409 # English (United States)

die() {
    echo "usb-gadget.sh: $*" >&2
    exit 1
}

serial_number() {
    for f in /proc/device-tree/serial-number /sys/firmware/devicetree/base/serial-number; do
        if [ -r "$f" ]; then
            s=$(tr -d '\000' <"$f" | tr -cd '[:alnum:]')
            if [ -n "$s" ]; then
                echo "$s"
                return
            fi
        fi
    done
    if [ -r /etc/machine-id ]; then
        # Hashed, not copied: the machine id is meant to stay private to the board.
        printf 'neurorack-usb-serial:%s' "$(cat /etc/machine-id)" | sha256sum | cut -c1-16
        return
    fi
    echo "0000000000000000"
}

udc_name() {
    for udc in /sys/class/udc/*; do
        if [ -e "$udc" ]; then
            basename "$udc"
            return
        fi
    done
    die "no USB device controller in /sys/class/udc (Raspberry Pi 5: dtoverlay=dwc2,dr_mode=peripheral; Jetson: the device-mode USB port)"
}

start() {
    if [ -e "$GADGET/UDC" ] && [ -n "$(cat "$GADGET/UDC" 2>/dev/null)" ]; then
        echo "usb-gadget.sh: already bound to $(cat "$GADGET/UDC")"
        return 0
    fi
    modprobe libcomposite 2>/dev/null || true
    [ -d /sys/kernel/config/usb_gadget ] || mount -t configfs none /sys/kernel/config 2>/dev/null || true
    [ -d /sys/kernel/config/usb_gadget ] || die "configfs USB gadgets unavailable (is libcomposite built for this kernel?)"

    # mkdir -p and plain writes: running start twice, or after a half-finished start, is fine.
    mkdir -p "$GADGET"
    echo "$VENDOR_ID" >"$GADGET/idVendor"
    echo "$PRODUCT_ID" >"$GADGET/idProduct"
    echo 0x0100 >"$GADGET/bcdDevice"
    echo 0x0200 >"$GADGET/bcdUSB"
    # Miscellaneous device with an Interface Association Descriptor, so hosts bind CDC-ACM.
    echo 0xEF >"$GADGET/bDeviceClass"
    echo 0x02 >"$GADGET/bDeviceSubClass"
    echo 0x01 >"$GADGET/bDeviceProtocol"

    mkdir -p "$GADGET/strings/$LANGUAGE"
    echo "$MANUFACTURER" >"$GADGET/strings/$LANGUAGE/manufacturer"
    echo "$PRODUCT" >"$GADGET/strings/$LANGUAGE/product"
    serial_number >"$GADGET/strings/$LANGUAGE/serialnumber"

    mkdir -p "$GADGET/configs/c.1/strings/$LANGUAGE"
    echo "CDC ACM" >"$GADGET/configs/c.1/strings/$LANGUAGE/configuration"
    echo 250 >"$GADGET/configs/c.1/MaxPower" # mA; the module is powered by the rack

    mkdir -p "$GADGET/functions/acm.usb0"
    [ -e "$GADGET/configs/c.1/acm.usb0" ] || ln -s "$GADGET/functions/acm.usb0" "$GADGET/configs/c.1/"

    udc_name >"$GADGET/UDC"
    echo "usb-gadget.sh: bound to $(cat "$GADGET/UDC"), serial $(cat "$GADGET/strings/$LANGUAGE/serialnumber")"
}

stop() {
    [ -d "$GADGET" ] || return 0
    if [ -n "$(cat "$GADGET/UDC" 2>/dev/null)" ]; then
        echo "" >"$GADGET/UDC"
    fi
    # configfs wants the tree taken down in the reverse order of its creation.
    rm -f "$GADGET/configs/c.1/acm.usb0"
    rmdir "$GADGET/configs/c.1/strings/$LANGUAGE" 2>/dev/null || true
    rmdir "$GADGET/configs/c.1" 2>/dev/null || true
    rmdir "$GADGET/functions/acm.usb0" 2>/dev/null || true
    rmdir "$GADGET/strings/$LANGUAGE" 2>/dev/null || true
    rmdir "$GADGET" 2>/dev/null || true
    echo "usb-gadget.sh: removed"
}

status() {
    if [ -n "$(cat "$GADGET/UDC" 2>/dev/null)" ]; then
        echo "bound to $(cat "$GADGET/UDC")"
    else
        echo "not bound"
        return 3
    fi
}

case "${1:-}" in
start) start ;;
stop) stop ;;
status) status ;;
*)
    echo "usage: $0 start|stop|status" >&2
    exit 2
    ;;
esac
