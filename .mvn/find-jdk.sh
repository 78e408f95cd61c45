# Sourced by ./mvnw (POSIX sh): makes sure Maven runs on a JDK >= 21, which GitOps Auditor needs
# (jOOQ 3.21, the module path, and the jar tool that writes module descriptors).
# Keeps JAVA_HOME or the java on PATH when new enough; otherwise picks the newest JDK >= 21 in
# the usual install folders; otherwise says what is missing and stops.
gitops_required_jdk=21

gitops_jdk_major() { # $1 = a JDK home; prints its feature version, or nothing
  if [ -f "$1/release" ] && [ -x "$1/bin/javac" ]; then
    sed -n 's/^JAVA_VERSION="\{0,1\}\([0-9][0-9]*\).*/\1/p' "$1/release" | head -n 1
  fi
}

gitops_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ]; then
    major=$(gitops_jdk_major "$JAVA_HOME")
    [ -n "$major" ] && [ "$major" -ge "$gitops_required_jdk" ] && return 0
  elif command -v javac >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    major=$(gitops_jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge "$gitops_required_jdk" ]; then
      JAVA_HOME=$home; export JAVA_HOME; return 0
    fi
  fi
  best=""; best_major=0
  set +f # mvnw runs with globbing off; the search below needs it
  for home in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "${HOME:-/nonexistent}"/.sdkman/candidates/java/* \
              "${HOME:-/nonexistent}"/.jdks/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    [ -d "$home" ] || continue
    major=$(gitops_jdk_major "$home")
    if [ -n "$major" ] && [ "$major" -ge "$gitops_required_jdk" ] && [ "$major" -gt "$best_major" ]; then
      best=$home; best_major=$major
    fi
  done
  set -f
  if [ -n "$best" ]; then
    JAVA_HOME=$best; export JAVA_HOME; return 0
  fi
  echo "GitOps Auditor needs a JDK $gitops_required_jdk or newer to build and run, and none was found" >&2
  echo "(looked at JAVA_HOME, javac on PATH, /usr/lib/jvm, /usr/java, /opt, ~/.sdkman, ~/.jdks)." >&2
  echo "Install one (e.g. 'apt-get install openjdk-21-jdk-headless') or point JAVA_HOME at it." >&2
  return 1
}

gitops_find_jdk || exit 1
