fn main() {
    mlops_maturity::mount();
}
