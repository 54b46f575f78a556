#!/usr/bin/env bash
# Regenerates kat.txt with the reference tool `sev-snp-measure` (PyPI, Apache-2.0).
# Usage: gen-kat.sh SEV_SNP_MEASURE SYNTHETIC_OVMF DEBIAN_OVMF > kat.txt
#   SEV_SNP_MEASURE  the tool's entry point, e.g. /tmp/snpm/venv/bin/sev-snp-measure
#   SYNTHETIC_OVMF   the image written by the ignored test `write_synthetic_ovmf`
#   DEBIAN_OVMF      /usr/share/ovmf/OVMF.fd from Debian bookworm's ovmf 2022.11-6+deb12u2
# Run from this directory (kernel.bin and initrd.bin are read from here).
set -euo pipefail
tool=$1 synthetic=$2 debian=$3

echo "# Known answers from sev-snp-measure $("$tool" --version | awk '{print $2}') --mode snp; see README.md."
echo "# image | vmm | vcpus | vcpu-type | guest-features | kernel | initrd | append | digest"

# image vmm vcpus vcpu-type features kernel initrd append
cases=(
  'synthetic|QEMU|1|EPYC-v4|0x1|-|-|-'
  'synthetic|QEMU|4|EPYC-Milan|0x1|kernel.bin|initrd.bin|console=ttyS0 obscura.test=1'
  'synthetic|ec2|2|EPYC-Genoa|0x1|kernel.bin|-|-'
  'synthetic|gce|3|EPYC-Turin|0x21|kernel.bin|initrd.bin|quiet'
  'synthetic|QEMU|2|EPYC-Rome|0x1|kernel.bin|-|root=/dev/vda'
  'synthetic|QEMU|1|EPYC-Genoa|0x1|kernel.bin|initrd.bin|-'
  'debian-ovmf|QEMU|1|EPYC-v4|0x1|-|-|-'
  'debian-ovmf|QEMU|4|EPYC-Milan|0x1|-|-|-'
  'debian-ovmf|ec2|2|EPYC-Genoa|0x1|-|-|-'
  'debian-ovmf|gce|8|EPYC-Turin|0x1|-|-|-'
)
for c in "${cases[@]}"; do
  IFS='|' read -r image vmm vcpus vtype feat kernel initrd append <<<"$c"
  ovmf=$synthetic; [ "$image" = debian-ovmf ] && ovmf=$debian
  args=(--mode snp --ovmf "$ovmf" --vmm-type "$vmm" --vcpus "$vcpus" --vcpu-type "$vtype"
        --guest-features "$feat")
  [ "$kernel" != - ] && args+=(--kernel "$kernel")
  [ "$initrd" != - ] && args+=(--initrd "$initrd")
  [ "$append" != - ] && args+=(--append "$append")
  digest=$("$tool" "${args[@]}")
  shown=$append; [ "$append" != - ] && shown="\"$append\""
  echo "$image | $vmm | $vcpus | $vtype | $feat | $kernel | $initrd | $shown | $digest"
done
