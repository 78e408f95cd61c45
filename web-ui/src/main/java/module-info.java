/**
 * The dashboard shell, built by npm into {@code META-INF/gitops-auditor/dashboard/}: resources
 * only, no code. An explicit module rather than an automatic one, so that it reads nothing and
 * exports nothing: the kernel reads its files through the class loader, which sees folders under
 * {@code META-INF} in any named module (they can never be packages, so they are never
 * encapsulated). The launcher adds it to the boot layer with {@code --add-modules}, because no
 * module requires it: the kernel serves the dashboard when it is there and says so when it is not.
 */
module io.gitopsauditor.webui {
}
